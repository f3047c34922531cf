using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Builds the field writes a replica makes locally, each carrying the version it replaced. Use these
/// rather than filling <see cref="FieldChange.Replaced"/> by hand: conflict detection depends on it.
/// </summary>
public static class FieldWrites
{
    public static FieldChange Set(StoredRecord? record, string field, string json, HlcTimestamp version)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(json);
        RejectReserved(field);
        return FieldChange.Set(field, json, version, FieldHistory.LatestVersion(record, field));
    }

    public static FieldChange Delete(StoredRecord? record, string field, HlcTimestamp version)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        RejectReserved(field);
        return new FieldChange(field, null, true, version, FieldHistory.LatestVersion(record, field));
    }

    private static void RejectReserved(string field)
    {
        if (FieldHistory.IsReserved(field))
        {
            throw new ArgumentException($"Field names starting with '{FieldHistory.ReservedPrefix}' are reserved for the merge.", nameof(field));
        }
    }
}
