using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OneStop.Core.Clock;

/// <summary>
/// A hybrid logical clock reading: physical milliseconds, a counter for events within the same
/// millisecond, and the node that made it. Ordered by (WallMs, Counter, Node) so that every replica
/// ranks two writes the same way, whatever its own clock says.
/// </summary>
public readonly record struct HlcTimestamp(long WallMs, int Counter, string Node)
    : IComparable<HlcTimestamp>, IParsable<HlcTimestamp>
{
    public static readonly HlcTimestamp Zero = new(0, 0, string.Empty);

    /// <summary>
    /// The highest counter a clock hands out before it borrows the next millisecond: six digits keep
    /// the text form (<see cref="ToString"/>) sortable as plain text in every store.
    /// </summary>
    public const int MaxCounter = 999_999;

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

    // A default instance has a null node; it must equal Zero, as it already compares equal to it.
    public bool Equals(HlcTimestamp other) => CompareTo(other) == 0;

    public override int GetHashCode() => HashCode.Combine(WallMs, Counter, string.GetHashCode(Node ?? string.Empty, StringComparison.Ordinal));

    public static bool operator <(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) < 0;
    public static bool operator >(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) > 0;
    public static bool operator <=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) <= 0;
    public static bool operator >=(HlcTimestamp left, HlcTimestamp right) => left.CompareTo(right) >= 0;

    public static HlcTimestamp Max(HlcTimestamp a, HlcTimestamp b) => a >= b ? a : b;

    /// <summary>Sortable text form (fixed-width wall and counter), used as an index key in stores.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{WallMs:D15}-{Counter:D6}-{Node}");

    /// <summary>Reads the form written by <see cref="ToString"/>; the node part may itself contain '-'.</summary>
    public static HlcTimestamp Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an HLC timestamp.");

    public static HlcTimestamp Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out HlcTimestamp result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? text, out HlcTimestamp result)
    {
        result = default;
        if (text is null)
        {
            return false;
        }

        var firstDash = text.IndexOf('-', StringComparison.Ordinal);
        if (firstDash <= 0)
        {
            return false;
        }

        var secondDash = text.IndexOf('-', firstDash + 1);
        if (secondDash <= firstDash + 1)
        {
            return false;
        }

        // NumberStyles.None: no sign, no spaces, so a value has exactly one text form besides padding.
        if (!long.TryParse(text.AsSpan(0, firstDash), NumberStyles.None, CultureInfo.InvariantCulture, out var wall)
            || !int.TryParse(text.AsSpan(firstDash + 1, secondDash - firstDash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var counter))
        {
            return false;
        }

        result = new HlcTimestamp(wall, counter, text[(secondDash + 1)..]);
        return true;
    }
}
