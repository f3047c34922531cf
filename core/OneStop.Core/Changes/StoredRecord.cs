using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// A record as a replica holds it: each field with the version that put it there. Names starting with
/// <see cref="FieldHistory.ReservedPrefix"/> hold the merge's history of losing writes; persist them with
/// the record and leave them out of what users see (<see cref="CurrentFields"/>).
/// </summary>
public sealed record StoredRecord(Guid Id, string Type, string Scope, IReadOnlyDictionary<string, FieldChange> Fields)
{
    public string? GetJson(string field) =>
        Fields.TryGetValue(field, out var value) && !value.Deleted ? value.Json : null;

    /// <summary>The winning write of each field, without the merge's bookkeeping, ordered by name.</summary>
    public IEnumerable<FieldChange> CurrentFields =>
        Fields.Where(pair => !FieldHistory.IsReserved(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value);

    /// <summary>Whether the record is deleted (see <see cref="RecordTombstone"/>).</summary>
    public bool IsDeleted => RecordTombstone.IsDeleted(this);
}
