using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// Applies changes to a record, field by field. Both the edge store and the hub call this. A record is,
/// in effect, the set of every write it has seen; what it shows is a function of that set
/// (<see cref="WriteOrder"/>), so the result is the same whatever order, grouping or repetition the
/// changes arrive in.
/// </summary>
public static class RecordMerge
{
    public static MergeResult Apply(StoredRecord? local, ChangeEntry incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (local is not null && local.Id != incoming.RecordId)
        {
            throw new ArgumentException($"Change for record {incoming.RecordId} applied to record {local.Id}.", nameof(incoming));
        }

        return Add(local, incoming.RecordId, incoming.RecordType, incoming.Scope, incoming.Fields);
    }

    /// <summary>Merges two replicas' copies of one record (state-based): every write either holds.</summary>
    public static MergeResult Merge(StoredRecord? local, StoredRecord remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (local is not null && local.Id != remote.Id)
        {
            throw new ArgumentException($"Record {remote.Id} merged into record {local.Id}.", nameof(remote));
        }

        var writes = FieldHistory.AllWrites(remote).Values.SelectMany(list => list).ToList();
        return Add(local, remote.Id, remote.Type, remote.Scope, writes);
    }

    /// <summary>Every conflict among the writes a record holds, ordered by field then id.</summary>
    public static IReadOnlyList<FieldConflict> Conflicts(StoredRecord? record)
    {
        var conflicts = new List<FieldConflict>();
        if (record is null)
        {
            return conflicts;
        }

        foreach (var (field, writes) in FieldHistory.AllWrites(record))
        {
            var rule = FieldRules.For(record.Type, field);
            for (var i = 0; i < writes.Count; i++)
            {
                for (var j = i + 1; j < writes.Count; j++)
                {
                    if (Concurrency.IsConflict(rule, writes[i], writes[j]))
                    {
                        conflicts.Add(FieldConflict.Between(record.Id, rule, writes[i], writes[j]));
                    }
                }
            }
        }

        return Sorted(conflicts);
    }

    /// <summary>
    /// The conflicts a review screen lists: pairs whose sides are both still current values, i.e. no write
    /// the record holds was made after seeing either side (<see cref="ConflictReview.IsResolved"/>).
    /// </summary>
    public static IReadOnlyList<FieldConflict> OpenConflicts(StoredRecord? record) =>
        Conflicts(record).Where(conflict => !ConflictReview.IsResolved(record, conflict)).ToList();

    /// <summary>
    /// Replaces the writes of <paramref name="original"/> with those of <paramref name="rewritten"/>: for the
    /// origin of an entry the hub clamped, whose own copy still holds the unclamped versions. Conflicts
    /// reported earlier for the original versions are stale; drop conflict records that name them.
    /// </summary>
    public static MergeResult Reclock(StoredRecord local, ChangeEntry original, ChangeEntry rewritten)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(original);
        var fields = new Dictionary<string, FieldChange>(local.Fields, StringComparer.Ordinal);
        foreach (var name in original.Fields.Select(change => change.Name).Distinct(StringComparer.Ordinal))
        {
            var before = FieldHistory.Writes(local, name);
            var after = before.Where(write => !original.Fields.Any(change => WriteIdentity.SameWrite(change, write))).ToList();
            FieldHistory.Store(fields, local.Type, name, before, after);
        }

        return Apply(local with { Fields = fields }, rewritten);
    }

    private static MergeResult Add(StoredRecord? local, Guid id, string type, string scope, IEnumerable<FieldChange> incoming)
    {
        var recordType = local?.Type ?? type;
        var fields = local is null
            ? new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            : new Dictionary<string, FieldChange>(local.Fields, StringComparer.Ordinal);
        var touched = new Dictionary<string, (IReadOnlyList<FieldChange> Before, List<FieldChange> After)>(StringComparer.Ordinal);
        var added = new List<FieldChange>();
        var conflicts = new List<FieldConflict>();
        foreach (var change in incoming)
        {
            // Bookkeeping names are rebuilt by each replica; one arriving over the wire is ignored so a
            // faulty or hostile peer cannot plant history.
            if (FieldHistory.IsReserved(change.Name))
            {
                continue;
            }

            if (!touched.TryGetValue(change.Name, out var field))
            {
                var before = FieldHistory.Writes(local, change.Name);
                field = (before, before.ToList());
                touched[change.Name] = field;
            }

            if (field.After.Any(write => WriteIdentity.SameWrite(write, change)))
            {
                continue;
            }

            var rule = FieldRules.For(recordType, change.Name);
            foreach (var held in field.After)
            {
                if (Concurrency.IsConflict(rule, held, change))
                {
                    conflicts.Add(FieldConflict.Between(id, rule, held, change));
                }
            }

            field.After.Add(change);
            added.Add(change);
        }

        var applied = new List<FieldChange>();
        foreach (var (name, field) in touched)
        {
            FieldHistory.Store(fields, recordType, name, field.Before, field.After);
            var winner = fields[name];
            var previous = local is not null && local.Fields.TryGetValue(name, out var held) ? held : null;
            if (added.Contains(winner) && (previous is null || !WriteIdentity.SameWrite(previous, winner)))
            {
                applied.Add(winner);
            }
        }

        var record = new StoredRecord(id, recordType, local?.Scope ?? scope, fields);
        return new MergeResult(record, applied, Sorted(conflicts));
    }

    private static List<FieldConflict> Sorted(List<FieldConflict> conflicts) =>
        conflicts.OrderBy(conflict => conflict.Field, StringComparer.Ordinal).ThenBy(conflict => conflict.Id).ToList();
}
