namespace OneStop.Core.Clock;

/// <summary>
/// A hybrid logical clock reading: physical milliseconds, a counter for events within the same
/// millisecond, and the node that made it. Ordered by (WallMs, Counter, Node) so that every replica
/// ranks two writes the same way, whatever its own clock says.
/// </summary>
public readonly record struct HlcTimestamp(long WallMs, int Counter, string Node) : IComparable<HlcTimestamp>
{
    public static readonly HlcTimestamp Zero = new(0, 0, string.Empty);

    public int CompareTo(HlcTimestamp other)
    {
        var byWall = WallMs.CompareTo(other.WallMs);
        if (byWall != 0)
        {
            return byWall;
        }

        var byCounter = Counter.CompareTo(other.Counter);
        return byCounter != 0 ? byCounter : string.CompareOrdinal(Node ?? string.Empty, other.Node ?? string.Empty);
    }

    public static bool operator <(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) < 0;
    public static bool operator >(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) > 0;
    public static bool operator <=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) <= 0;
    public static bool operator >=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) >= 0;

    public static HlcTimestamp Max(HlcTimestamp a, HlcTimestamp b) => a >= b ? a : b;

    /// <summary>Sortable text form (fixed-width wall and counter), used as an index key in stores.</summary>
    public override string ToString() => $"{WallMs:D15}-{Counter:D6}-{Node}";
}
