namespace OneStop.Core.Repair;

/// <summary>
/// One replica's records of a scope, ordered by position, summarised range by range. A range's hash is the
/// XOR of its records' hashes: any range is summarised by one pass over its slice, and two replicas holding
/// the same writes agree on every range without sharing anything but the hash function.
/// </summary>
public sealed class DigestTree
{
    private readonly DigestLeaf[] _leaves;

    public DigestTree(IEnumerable<DigestLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        _leaves = [.. leaves.OrderBy(leaf => leaf.Position).ThenBy(leaf => leaf.Id)];
    }

    public int Count => _leaves.Length;

    /// <summary>This replica's content of <paramref name="range"/>.</summary>
    public DigestRange Summarise(DigestRange range)
    {
        var slice = Slice(range);
        ulong hash = 0;
        foreach (var leaf in slice)
        {
            hash ^= leaf.Hash;
        }

        return range with { Count = slice.Length, Hash = hash };
    }

    public DigestRange Root => Summarise(DigestRange.Root);

    /// <summary>This replica's records in <paramref name="range"/>.</summary>
    public ReadOnlySpan<DigestLeaf> Slice(DigestRange range)
    {
        if (range.Depth == 0)
        {
            return _leaves;
        }

        var low = range.Prefix;
        var high = range.Prefix | ~DigestRange.Mask(range.Depth);
        var start = LowerBound(low);
        var end = start;
        while (end < _leaves.Length && _leaves[end].Position <= high)
        {
            end++;
        }

        return _leaves.AsSpan(start, end - start);
    }

    private int LowerBound(ulong position)
    {
        int lo = 0, hi = _leaves.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_leaves[mid].Position < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
