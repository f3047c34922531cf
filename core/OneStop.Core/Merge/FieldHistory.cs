using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Every write a replica has seen, kept inside the record itself: the winner under the field's own name,
/// each other write under a reserved name "~v/&lt;version&gt;/&lt;digest&gt;/&lt;field&gt;". Keeping the losers
/// is what lets a replica pair a late concurrent write with all the writes it did not see, so every
/// replica reports the same conflicts whatever the arrival order; living in <see cref="StoredRecord.Fields"/>
/// means stores persist it without knowing about it.
/// </summary>
public static class FieldHistory
{
    /// <summary>Names starting with this are the merge's own bookkeeping, never user fields.</summary>
    public const string ReservedPrefix = "~";

    private const string RetainedPrefix = "~v/";

    public static bool IsReserved(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith(ReservedPrefix, StringComparison.Ordinal);
    }

    /// <summary>The reserved name under which a write that is not (or no longer) the winner is kept.</summary>
    public static string RetainedName(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return $"{RetainedPrefix}{write.Version}/{WriteIdentity.Digest(write)}/{write.Name}";
    }

    /// <summary>All writes of <paramref name="field"/> held by the record, winner included, in version order.</summary>
    public static IReadOnlyList<FieldChange> Writes(StoredRecord? record, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (record is null)
        {
            return [];
        }

        var writes = new List<FieldChange>();
        if (record.Fields.TryGetValue(field, out var winner))
        {
            writes.Add(winner);
        }

        foreach (var (name, write) in record.Fields)
        {
            if (name.StartsWith(RetainedPrefix, StringComparison.Ordinal) && string.Equals(write.Name, field, StringComparison.Ordinal))
            {
                writes.Add(write);
            }
        }

        writes.Sort((a, b) => WriteOrder.Compare(FieldRule.LastWriterWins, a, b));
        return writes;
    }

    /// <summary>Every field of the record (not bookkeeping) with all its writes.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FieldChange>> AllWrites(StoredRecord? record)
    {
        var all = new SortedDictionary<string, IReadOnlyList<FieldChange>>(StringComparer.Ordinal);
        if (record is null)
        {
            return all;
        }

        var names = record.Fields
            .Select(pair => IsReserved(pair.Key) ? pair.Value.Name : pair.Key)
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            all[name] = Writes(record, name);
        }

        return all;
    }

    /// <summary>
    /// The version a new local write of <paramref name="field"/> must carry as <see cref="FieldChange.Replaced"/>:
    /// the highest version of that field the replica holds, winner or not, so the new write is seen to
    /// supersede all of them (a status that lost on rank may have the highest version).
    /// </summary>
    public static HlcTimestamp LatestVersion(StoredRecord? record, string field) =>
        Writes(record, field).Select(write => write.Version).DefaultIfEmpty(HlcTimestamp.Zero).Max();

    /// <summary>
    /// What the replica has seen of <paramref name="field"/>: the join of every held write's version and of
    /// what each of those writers had seen. A function of the set of writes held, so replicas holding the
    /// same writes agree on it; a new local write of the field carries it as <see cref="FieldChange.Seen"/>.
    /// </summary>
    public static VersionVector Seen(StoredRecord? record, string field) =>
        VersionVector.Of(Writes(record, field).SelectMany(write => write.Seen.Entries.Append(write.Version)));

    /// <summary>Puts a field's writes into a field map: the winner under the field name, the others retained.</summary>
    internal static void Store(Dictionary<string, FieldChange> fields, string recordType, string field, IReadOnlyList<FieldChange> before, IReadOnlyList<FieldChange> after)
    {
        fields.Remove(field);
        foreach (var write in before)
        {
            fields.Remove(RetainedName(write));
        }

        if (after.Count == 0)
        {
            return;
        }

        var winner = WriteOrder.Winner(FieldRules.For(recordType, field), after);
        fields[field] = winner;
        foreach (var write in after)
        {
            if (!ReferenceEquals(write, winner))
            {
                fields[RetainedName(write)] = write;
            }
        }
    }
}
