using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Append-only collections (notes, payments, audit entries) stored one field per element, named
/// "&lt;collection&gt;/&lt;element id&gt;". Elements have distinct names, so merging two replicas is a plain
/// union of fields; an element is written once and never replaced (<see cref="FieldRule.AppendOnce"/>).
/// </summary>
public static class AppendOnlyFields
{
    public const char Separator = '/';
    public const string Notes = "notes";
    public const string Payments = "payments";
    public const string Audit = "audit";

    /// <summary>The field name of one element; use a UUIDv7 made at the origin so names never collide.</summary>
    public static string FieldName(string collection, Guid elementId)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        if (collection.Contains(Separator, StringComparison.Ordinal) || FieldHistory.IsReserved(collection))
        {
            throw new ArgumentException($"A collection name may not contain '{Separator}' nor start with '{FieldHistory.ReservedPrefix}'.", nameof(collection));
        }

        return $"{collection}{Separator}{elementId:D}";
    }

    /// <summary>Whether a field is an element of an append-only collection.</summary>
    public static bool IsElement(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var at = field.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 && at < field.Length - 1 && !FieldHistory.IsReserved(field);
    }

    /// <summary>The write that adds a new element: it replaces nothing.</summary>
    public static FieldChange Append(string collection, Guid elementId, string json, HlcTimestamp version) =>
        FieldChange.Set(FieldName(collection, elementId), json, version, HlcTimestamp.Zero);

    /// <summary>The elements of a collection in a record, oldest first (by version, then id): the same order on every replica.</summary>
    public static IReadOnlyList<CollectionElement> Read(StoredRecord? record, string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        if (record is null)
        {
            return [];
        }

        var prefix = collection + Separator;
        return record.Fields
            .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal) && !pair.Value.Deleted && pair.Value.Json is not null)
            .Select(pair => new CollectionElement(pair.Key[prefix.Length..], pair.Value.Json!, pair.Value.Version))
            .OrderBy(element => element.Version)
            .ThenBy(element => element.Id, StringComparer.Ordinal)
            .ToList();
    }
}
