using OneStop.Core.Changes;

namespace OneStop.Simulation;

/// <summary>
/// Who saw what, as it really happened: the simulation watches every write and every merge, so it knows
/// each write's causal past without reading a single version, vector or "replaced" field. Per field of a
/// record, like the rule it checks (docs/sync-merge-rules.md): a writer has seen a write of that field when
/// it merged it, or merged a write of that field whose writer had seen it. The oracle judges concurrency
/// and supersession from this, so the product's rule is graded against the truth, not against itself.
/// </summary>
public sealed class CausalHistory
{
    // For each node (replica id or the hub), per (record, field): every write of that field it has seen.
    private readonly Dictionary<string, Dictionary<(Guid Record, string Field), HashSet<WriteKey>>> _known = new(StringComparer.Ordinal);

    // For each write: the writes of its field its writer had seen when it wrote.
    private readonly Dictionary<WriteKey, HashSet<WriteKey>> _past = [];

    /// <summary>A node made <paramref name="entry"/> locally: each field's write has seen what the node had seen of that field.</summary>
    public void Wrote(string node, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var field in entry.Fields)
        {
            var key = WriteKey.Of(entry, field);
            var known = Known(node, entry.RecordId, field.Name);
            _past[key] = [.. known];
            known.Add(key);
        }
    }

    /// <summary>A node merged <paramref name="entry"/> (pulled, or received in a push): it has now seen it and its past.</summary>
    public void Merged(string node, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var field in entry.Fields)
        {
            var key = WriteKey.Of(entry, field);
            var known = Known(node, entry.RecordId, field.Name);
            if (known.Add(key) && _past.TryGetValue(key, out var past))
            {
                known.UnionWith(past);
            }
        }
    }

    /// <summary>Whether the writer of <paramref name="later"/> had seen <paramref name="earlier"/> (same record and field).</summary>
    public bool Saw(WriteKey later, WriteKey earlier) =>
        _past.TryGetValue(later, out var past) && past.Contains(earlier);

    /// <summary>Neither writer had seen the other's write.</summary>
    public bool Concurrent(WriteKey a, WriteKey b) => a != b && !Saw(a, b) && !Saw(b, a);

    /// <summary>Some write in <paramref name="writes"/> was made after seeing <paramref name="write"/>.</summary>
    public bool Superseded(WriteKey write, IEnumerable<WriteKey> writes) => writes.Any(other => Saw(other, write));

    private HashSet<WriteKey> Known(string node, Guid record, string field)
    {
        if (!_known.TryGetValue(node, out var byField))
        {
            byField = [];
            _known[node] = byField;
        }

        if (!byField.TryGetValue((record, field), out var known))
        {
            known = [];
            byField[(record, field)] = known;
        }

        return known;
    }
}

/// <summary>One field write, named by the change-log entry that carried it: the same before and after a clamp.</summary>
public readonly record struct WriteKey(string Origin, long Seq, string Field)
{
    public static WriteKey Of(ChangeEntry entry, FieldChange field)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(field);
        return new WriteKey(entry.OriginNode, entry.OriginSeq, field.Name);
    }
}
