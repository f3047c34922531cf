namespace OneStop.Core.Repair;

/// <summary>
/// A range of record positions, the positions whose first <see cref="Depth"/> hex digits are those of
/// <see cref="Prefix"/>, with how many records one replica holds in it and the combined hash of them. Depth 0
/// is the whole scope; each level splits a range into 16.
/// </summary>
public readonly record struct DigestRange(ulong Prefix, int Depth, int Count, ulong Hash)
{
    /// <summary>The deepest level: one position per range.</summary>
    public const int MaxDepth = 16;

    public const int Fanout = 16;

    /// <summary>The whole id space, as a replica that holds nothing sees it.</summary>
    public static DigestRange Root => new(0, 0, 0, 0);

    public bool Contains(ulong position) => Depth == 0 || (position & Mask(Depth)) == Prefix;

    /// <summary>Whether two replicas' summaries of the same range say they hold the same records.</summary>
    public bool SameContent(DigestRange other) => Count == other.Count && Hash == other.Hash;

    /// <summary>The same range with no content: what a replica holding nothing in it would say.</summary>
    public DigestRange Empty => this with { Count = 0, Hash = 0 };

    /// <summary>The 16 sub-ranges one level down (content not filled in).</summary>
    public IEnumerable<DigestRange> ChildRanges()
    {
        if (Depth >= MaxDepth)
        {
            yield break;
        }

        var shift = 60 - (4 * Depth);
        for (ulong digit = 0; digit < Fanout; digit++)
        {
            yield return new DigestRange(Prefix | (digit << shift), Depth + 1, 0, 0);
        }
    }

    /// <summary>Whether both name the same range, whatever their content.</summary>
    public bool SameRange(DigestRange other) => Prefix == other.Prefix && Depth == other.Depth;

    /// <summary>The bits of a position that a range at <paramref name="depth"/> fixes.</summary>
    public static ulong Mask(int depth) => depth <= 0 ? 0 : ulong.MaxValue << (64 - (4 * Math.Min(depth, MaxDepth)));
}
