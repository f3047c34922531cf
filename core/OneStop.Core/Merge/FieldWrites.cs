using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Builds the field writes a replica makes locally, each carrying the version it replaced and what the
/// replica had seen of the field. Use these rather than filling <see cref="FieldChange.Replaced"/> and
/// <see cref="FieldChange.Seen"/> by hand: conflict detection depends on them.
/// </summary>
public static class FieldWrites
{
    public static FieldChange Set(StoredRecord? record, string field, string json, HlcTimestamp version)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(json);
        RejectReserved(field);
        return After(record, field, json, version);
    }

    public static FieldChange Delete(StoredRecord? record, string field, HlcTimestamp version)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        RejectReserved(field);
        return After(record, field, null, version);
    }

    /// <summary>
    /// A write of <paramref name="json"/> (null deletes) made after everything the record holds of the
    /// field: it replaces the highest version held (winner or not; a status that lost on rank may have the
    /// highest version), and its vector is the join of all the field's writes, so it is seen to supersede them.
    /// </summary>
    internal static FieldChange After(StoredRecord? record, string field, string? json, HlcTimestamp version) =>
        new(field, json, json is null, version, FieldHistory.LatestVersion(record, field)) { Seen = FieldHistory.Seen(record, field) };

    private static void RejectReserved(string field)
    {
        if (FieldHistory.IsReserved(field))
        {
            throw new ArgumentException($"Field names starting with '{FieldHistory.ReservedPrefix}' are reserved for the merge.", nameof(field));
        }
    }
}
