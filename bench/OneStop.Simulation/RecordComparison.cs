using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>Compares two replicas' copies of a record: the full field map (history included) and what users see.</summary>
public static class RecordComparison
{
    /// <summary>Null when the copies are identical, else the first difference found.</summary>
    public static string? Describe(StoredRecord? a, StoredRecord? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? null : $"present {(a is null ? "only in the second" : "only in the first")}";
        }

        if (a.Id != b.Id || a.Type != b.Type || a.Scope != b.Scope)
        {
            return $"identity {a.Id}/{a.Type}/{a.Scope} vs {b.Id}/{b.Type}/{b.Scope}";
        }

        foreach (var (key, value) in a.Fields)
        {
            if (!b.Fields.TryGetValue(key, out var other))
            {
                return $"field map key '{key}' ({Show(value)}) missing in the second";
            }

            if (value != other)
            {
                return $"field map key '{key}': {Show(value)} vs {Show(other)}";
            }
        }

        var extra = b.Fields.Keys.FirstOrDefault(key => !a.Fields.ContainsKey(key));
        if (extra is not null)
        {
            return $"field map key '{extra}' ({Show(b.Fields[extra])}) missing in the first";
        }

        // Equal maps must show the same; checked anyway, since this is what staff see.
        if (RecordData.Of(a) != RecordData.Of(b) || !a.CurrentFields.SequenceEqual(b.CurrentFields))
        {
            return $"visible values {RecordData.Of(a).DataJson} vs {RecordData.Of(b).DataJson}";
        }

        return null;
    }

    public static string Show(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var value = write.Deleted ? "<deleted>" : write.Json;
        return $"{write.Name}={value} @{write.Version} replaced {write.Replaced}";
    }
}
