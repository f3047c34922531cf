using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Deleting a record is a write of the field <see cref="Field"/> = true, merged last-writer-wins like any
/// field. Edits to other fields keep merging underneath a deleted record but do not bring it back: only
/// an explicit restore (<see cref="Field"/> = false) with a later version does. So an offline node that
/// edits a record it has not yet heard was deleted cannot resurrect it by accident.
/// </summary>
public static class RecordTombstone
{
    public const string Field = "_deleted";

    public static bool IsDeleted(StoredRecord? record) =>
        record?.GetJson(Field) is { } json && string.Equals(json.Trim(), "true", StringComparison.Ordinal);

    public static FieldChange Delete(StoredRecord? record, HlcTimestamp version) =>
        FieldWrites.After(record, Field, "true", version);

    public static FieldChange Restore(StoredRecord? record, HlcTimestamp version) =>
        FieldWrites.After(record, Field, "false", version);
}
