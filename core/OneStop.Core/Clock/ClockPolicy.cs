namespace OneStop.Core.Clock;

/// <summary>
/// Pure rules that keep one wrong clock (a Raspberry Pi without RTC after a power cut) from winning
/// every conflict: the hub measures each node's offset at the handshake and pulls back timestamps that
/// are implausibly far ahead of its own physical time before they enter the global log.
/// </summary>
public static class ClockPolicy
{
    /// <summary>Default bound for "implausibly ahead": 5 minutes past the hub's physical time.</summary>
    public const long DefaultMaxAheadMs = 5 * 60 * 1000;

    /// <summary>Default bound past which a node's offset (either direction) makes its clock suspect: 2 minutes.</summary>
    public const long DefaultSuspectOffsetMs = 2 * 60 * 1000;

    /// <summary>The node's clock minus the hub's, as measured at a handshake (positive: node ahead).</summary>
    /// <remarks>Saturates instead of wrapping: a garbage wall time (long.MinValue) reads as far behind, never as far ahead.</remarks>
    public static long OffsetMs(long nodePhysicalMs, long hubPhysicalMs)
    {
        var offset = (Int128)nodePhysicalMs - hubPhysicalMs;
        return offset > long.MaxValue ? long.MaxValue : offset < long.MinValue ? long.MinValue : (long)offset;
    }

    /// <summary>Whether a node whose clock is <paramref name="offsetMs"/> off the hub's should report "clock suspect".</summary>
    public static bool IsClockSuspect(long offsetMs, long boundMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(boundMs);

        // long.MinValue has no absolute value; it is as suspect as an offset gets.
        return offsetMs == long.MinValue || Math.Abs(offsetMs) > boundMs;
    }

    /// <summary>The latest wall time the hub accepts now: its physical time plus the bound.</summary>
    public static long AcceptedUntilMs(long hubPhysicalMs, long maxAheadMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAheadMs);
        return hubPhysicalMs > long.MaxValue - maxAheadMs ? long.MaxValue : hubPhysicalMs + maxAheadMs;
    }

    /// <summary>
    /// Pulls a timestamp that is more than <paramref name="maxAheadMs"/> ahead of the hub back to that
    /// bound, keeping its counter and node (so the node tie-break is unchanged). A plausible timestamp is
    /// returned as it is.
    /// </summary>
    public static ClampedTimestamp Clamp(HlcTimestamp timestamp, long hubPhysicalMs, long maxAheadMs)
    {
        var limit = AcceptedUntilMs(hubPhysicalMs, maxAheadMs);
        return timestamp.WallMs > limit
            ? new ClampedTimestamp(timestamp with { WallMs = limit }, true)
            : new ClampedTimestamp(timestamp, false);
    }

    /// <summary>The reading right after <paramref name="timestamp"/> on the same node, borrowing a millisecond when the counter is full.</summary>
    public static HlcTimestamp Successor(HlcTimestamp timestamp) =>
        timestamp.Counter >= HlcTimestamp.MaxCounter
            ? new HlcTimestamp(timestamp.WallMs + 1, 0, timestamp.Node)
            : timestamp with { Counter = timestamp.Counter + 1 };
}
