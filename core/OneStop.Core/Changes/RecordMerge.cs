namespace OneStop.Core.Changes;

/// <summary>What applying one change to a replica's copy of a record produced.</summary>
/// <param name="Record">The record after the merge.</param>
/// <param name="Applied">The incoming fields that won and now stand in the record.</param>
/// <param name="Conflicts">Concurrent writes with different values: the loser is kept for review.</param>
public sealed record MergeResult(StoredRecord Record, IReadOnlyList<FieldChange> Applied, IReadOnlyList<FieldConflict> Conflicts);

/// <summary>Two writes to the same field that did not see each other and disagree.</summary>
public sealed record FieldConflict(Guid RecordId, string Field, FieldChange Winner, FieldChange Loser);

/// <summary>Applies a change to a record, field by field. Both the edge store and the hub call this.</summary>
public static class RecordMerge
{
    public static MergeResult Apply(StoredRecord? local, ChangeEntry incoming)
    {
        var fields = local is null
            ? new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            : new Dictionary<string, FieldChange>(local.Fields, StringComparer.Ordinal);
        var applied = new List<FieldChange>();
        var conflicts = new List<FieldConflict>();
        foreach (var change in incoming.Fields)
        {
            fields.TryGetValue(change.Name, out var current);
            var winner = FieldMerge.Resolve(current, change);
            if (ReferenceEquals(winner, change) && !ReferenceEquals(current, change))
            {
                fields[change.Name] = change;
                applied.Add(change);
            }

            if (current is not null && IsConcurrent(current, change) && current.Json != change.Json)
            {
                var loser = ReferenceEquals(winner, change) ? current : change;
                conflicts.Add(new FieldConflict(incoming.RecordId, change.Name, winner, loser));
            }
        }

        var record = new StoredRecord(incoming.RecordId, local?.Type ?? incoming.RecordType, local?.Scope ?? incoming.Scope, fields);
        return new MergeResult(record, applied, conflicts);
    }

    /// <summary>Neither write replaced the other: each was made without having seen the other.</summary>
    private static bool IsConcurrent(FieldChange a, FieldChange b) =>
        a.Version != b.Version && a.Replaced != b.Version && b.Replaced != a.Version
        && a.Replaced < b.Version && b.Replaced < a.Version;
}
