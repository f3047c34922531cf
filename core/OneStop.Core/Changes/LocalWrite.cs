using OneStop.Core.Clock;
using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>Turns values a replica writes into field changes, each carrying what the replica had seen of its field.</summary>
public static class LocalWrite
{
    /// <summary>
    /// Field changes for <paramref name="values"/> (raw JSON; null deletes). Values equal to what the
    /// record already holds are left out, so saving an unchanged form logs nothing.
    /// </summary>
    public static IReadOnlyList<FieldChange> Fields(StoredRecord? local, IReadOnlyDictionary<string, string?> values, HlcTimestamp version)
    {
        var fields = new List<FieldChange>(values.Count);
        foreach (var (name, json) in values)
        {
            FieldChange? current = null;
            local?.Fields.TryGetValue(name, out current);
            if (current is not null && current.Json == json && current.Deleted == (json is null))
            {
                continue;
            }

            fields.Add(FieldWrites.After(local, name, json, version));
        }

        return fields;
    }

    /// <summary>
    /// As <see cref="Fields"/>, but when anything changes, <paramref name="namingField"/> is written too even if unchanged:
    /// a record whose id derives from a name (a staff account's user) carries that name in every entry, so the hub can
    /// check the id against it (<see cref="NodeWrittenRecords"/>).
    /// </summary>
    public static IReadOnlyList<FieldChange> FieldsNaming(StoredRecord? local, IReadOnlyDictionary<string, string?> values, string namingField, HlcTimestamp version)
    {
        ArgumentNullException.ThrowIfNull(values);
        var fields = Fields(local, values, version);
        return fields.Count == 0 || fields.Any(f => f.Name == namingField) || !values.TryGetValue(namingField, out var name)
            ? fields
            : [.. fields, FieldWrites.After(local, namingField, name, version)];
    }
}
