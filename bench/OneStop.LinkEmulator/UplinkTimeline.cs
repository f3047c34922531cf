namespace OneStop.LinkEmulator;

/// <summary>
/// When the uplink carried bytes and when it stood idle waiting for the sender: what tells a protocol that
/// leaves the link idle (a round trip, a commit, a batch being built) from one that is limited by the link.
/// Timestamps are <see cref="TimeProvider.GetTimestamp"/> values. Thread-safe.
/// </summary>
public sealed class UplinkTimeline
{
    /// <summary>Gaps shorter than this are the emulator's own pacing, not the sender's.</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly List<(long Start, long End)> _gaps = [];
    private readonly List<(long At, int Bytes)> _downDeliveries = [];
    private long _lastPaid;
    private long _busyBytes;
    private long _busyTicks;

    /// <summary>Idle stretches of the uplink (start, end) longer than <see cref="MinGap"/>, in order.</summary>
    public IReadOnlyList<(long Start, long End)> Gaps
    {
        get
        {
            lock (_gate)
            {
                return [.. _gaps];
            }
        }
    }

    /// <summary>When bytes reached the node from the hub (replies, window updates), and how many: what an idle stretch waited on.</summary>
    public IReadOnlyList<(long At, int Bytes)> DownDeliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _downDeliveries];
            }
        }
    }

    /// <summary>Bytes carried while the sender kept the link busy, and the ticks they took: the rate the emulator really gave.</summary>
    public (long Bytes, long Ticks) Busy
    {
        get
        {
            lock (_gate)
            {
                return (_busyBytes, _busyTicks);
            }
        }
    }

    /// <summary>A segment read from the sender at <paramref name="readAt"/> whose link time was paid by <paramref name="paidAt"/>.</summary>
    internal void Segment(long readAt, long paidAt, int bytes, long frequency)
    {
        lock (_gate)
        {
            if (_lastPaid > 0 && readAt - _lastPaid > MinGap.TotalSeconds * frequency)
            {
                _gaps.Add((_lastPaid, readAt));
            }
            else if (_lastPaid > 0)
            {
                _busyBytes += bytes;
                _busyTicks += paidAt - Math.Max(readAt, _lastPaid);
            }

            _lastPaid = Math.Max(_lastPaid, paidAt);
        }
    }

    internal void Delivered(long at, int bytes)
    {
        lock (_gate)
        {
            _downDeliveries.Add((at, bytes));
        }
    }

    internal void Reset()
    {
        lock (_gate)
        {
            _downDeliveries.Clear();
            _gaps.Clear();
            _lastPaid = 0;
            _busyBytes = 0;
            _busyTicks = 0;
        }
    }
}
