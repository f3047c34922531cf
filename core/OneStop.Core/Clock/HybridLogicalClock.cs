namespace OneStop.Core.Clock;

/// <summary>
/// Hybrid logical clock (Kulkarni et al.): readings never go backwards even when the physical clock
/// does, and every remote reading seen pushes the clock past it. Thread-safe.
/// </summary>
public sealed class HybridLogicalClock
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _wallMs;
    private int _counter;

    public HybridLogicalClock(TimeProvider time, string nodeId, HlcTimestamp? restored = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        _time = time;
        NodeId = nodeId;
        if (restored is { } last)
        {
            _wallMs = last.WallMs;
            _counter = Math.Clamp(last.Counter, 0, HlcTimestamp.MaxCounter);
        }
    }

    public string NodeId { get; }

    /// <summary>The last reading handed out or observed; persist it so a restart cannot go backwards.</summary>
    public HlcTimestamp Last
    {
        get
        {
            lock (_gate)
            {
                return new HlcTimestamp(_wallMs, _counter, NodeId);
            }
        }
    }

    /// <summary>A new reading for a local event.</summary>
    public HlcTimestamp Now()
    {
        var physical = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (physical > _wallMs)
            {
                _wallMs = physical;
                _counter = 0;
            }
            else
            {
                Tick(_wallMs, _counter);
            }

            return new HlcTimestamp(_wallMs, _counter, NodeId);
        }
    }

    /// <summary>Moves the clock past a reading received from another replica.</summary>
    public void Observe(HlcTimestamp remote)
    {
        var physical = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var wall = Math.Max(Math.Max(_wallMs, remote.WallMs), physical);
            if (wall == _wallMs && wall == remote.WallMs)
            {
                Tick(wall, Math.Max(_counter, remote.Counter));
            }
            else if (wall == _wallMs)
            {
                Tick(wall, _counter);
            }
            else if (wall == remote.WallMs)
            {
                Tick(wall, remote.Counter);
            }
            else
            {
                _wallMs = wall;
                _counter = 0;
            }
        }
    }

    /// <summary>
    /// The reading just after (wall, counter). A full counter borrows the next millisecond instead of
    /// overflowing: the clock runs at most a millisecond ahead per million events in one millisecond,
    /// which is better than throwing inside a write transaction.
    /// </summary>
    private void Tick(long wall, int counter)
    {
        if (counter >= HlcTimestamp.MaxCounter)
        {
            _wallMs = wall + 1;
            _counter = 0;
        }
        else
        {
            _wallMs = wall;
            _counter = Math.Max(counter, -1) + 1;
        }
    }
}
