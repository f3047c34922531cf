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
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        _time = time;
        NodeId = nodeId;
        if (restored is { } last)
        {
            _wallMs = last.WallMs;
            _counter = last.Counter;
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
                _counter = checked(_counter + 1);
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
                _counter = Math.Max(_counter, remote.Counter) + 1;
            }
            else if (wall == _wallMs)
            {
                _counter++;
            }
            else if (wall == remote.WallMs)
            {
                _counter = remote.Counter + 1;
            }
            else
            {
                _counter = 0;
            }

            _wallMs = wall;
        }
    }
}
