namespace OneStop.Core.Changes;

/// <summary>A record as a replica holds it: each field with the version that put it there.</summary>
public sealed record StoredRecord(Guid Id, string Type, string Scope, IReadOnlyDictionary<string, FieldChange> Fields)
{
    public string? GetJson(string field) =>
        Fields.TryGetValue(field, out var value) && !value.Deleted ? value.Json : null;
}
