using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// What a writer had seen of one field: per origin node, the newest version of that field it had merged.
/// Nodes that never wrote the field have no entry, so a commune's handful of nodes gives a vector of a few
/// entries at most. A node's writes of a field are causally ordered (it holds its own writes), so its newest
/// version stands for all of them: the vector covers a write when its entry for the write's node reaches
/// the write's version. Joins are pointwise maxima: commutative, associative and idempotent, so replicas
/// holding the same writes compute the same vector.
/// </summary>
public sealed class VersionVector : IEquatable<VersionVector>
{
    public static readonly VersionVector Empty = new([]);

    private readonly HlcTimestamp[] _entries;

    // Sorted by node, one entry per node: equal vectors have equal arrays.
    private VersionVector(HlcTimestamp[] entries) => _entries = entries;

    /// <summary>One version per node, ordered by node.</summary>
    public IReadOnlyList<HlcTimestamp> Entries => _entries;

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>The vector of a set of versions: per node, the highest.</summary>
    public static VersionVector Of(IEnumerable<HlcTimestamp> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var newest = new Dictionary<string, HlcTimestamp>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var node = version.Node ?? string.Empty;
            if (!newest.TryGetValue(node, out var held) || version > held)
            {
                newest[node] = version;
            }
        }

        if (newest.Count == 0)
        {
            return Empty;
        }

        return new VersionVector([.. newest.Values.OrderBy(version => version.Node ?? string.Empty, StringComparer.Ordinal)]);
    }

    /// <summary>The pointwise maximum of both.</summary>
    public VersionVector Join(VersionVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsEmpty ? this : IsEmpty ? other : Of(_entries.Concat(other._entries));
    }

    /// <summary>Whether a write with version <paramref name="dot"/> is at or below this vector's entry for its node.</summary>
    public bool Covers(HlcTimestamp dot)
    {
        var node = dot.Node ?? string.Empty;
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Node ?? string.Empty, node, StringComparison.Ordinal))
            {
                return entry >= dot;
            }
        }

        return false;
    }

    /// <summary>The entry of <paramref name="node"/>, if it has one.</summary>
    public HlcTimestamp? EntryOf(string node)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Node ?? string.Empty, node, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public bool Equals(VersionVector? other) =>
        other is not null && _entries.AsSpan().SequenceEqual(other._entries);

    public override bool Equals(object? obj) => Equals(obj as VersionVector);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var entry in _entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    /// <summary>Versions joined by ',' in node order: stable text for digests and diagnostics.</summary>
    public override string ToString() => string.Join(',', _entries.Select(entry => entry.ToString()));
}
