namespace OneStop.LinkEmulator;

/// <summary>
/// What crossed an emulated link, counted where bytes leave the rate limiter: bytes that the link
/// transmitted, whether or not a cut later lost them in flight. Thread-safe.
/// </summary>
public sealed class LinkStats
{
    private readonly Lock _gate = new();
    private readonly List<long> _cutOffsets = [];
    private long _bytesUp;
    private long _bytesDown;
    private int _connections;
    private int _refused;
    private long _firstAccept;
    private long _lastDelivery;
    private long _firstActivity;

    /// <summary>Bytes node → hub (client → target).</summary>
    public long BytesUp => Interlocked.Read(ref _bytesUp);

    /// <summary>Bytes hub → node (target → client).</summary>
    public long BytesDown => Interlocked.Read(ref _bytesDown);

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>When the uplink was busy and when idle (all connections).</summary>
    public UplinkTimeline Uplink { get; } = new();

    /// <summary>Connections turned away because the link was down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public int Cuts
    {
        get
        {
            lock (_gate)
            {
                return _cutOffsets.Count;
            }
        }
    }

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the first connection accepted since the last reset; 0 if none.</summary>
    public long FirstAcceptTimestamp => Interlocked.Read(ref _firstAccept);

    /// <summary>Timestamp of the first accept or first byte sent by the client since the last reset; 0 if none.</summary>
    public long FirstActivityTimestamp => Interlocked.Read(ref _firstActivity);

    /// <summary>Timestamp of the last bytes handed to either end since the last reset; 0 if none.</summary>
    public long LastDeliveryTimestamp => Interlocked.Read(ref _lastDelivery);

    public IReadOnlyList<long> CutOffsets
    {
        get
        {
            lock (_gate)
            {
                return [.. _cutOffsets];
            }
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _bytesUp, 0);
        Interlocked.Exchange(ref _bytesDown, 0);
        Interlocked.Exchange(ref _connections, 0);
        Interlocked.Exchange(ref _refused, 0);
        Interlocked.Exchange(ref _firstAccept, 0);
        Interlocked.Exchange(ref _lastDelivery, 0);
        Interlocked.Exchange(ref _firstActivity, 0);
        Uplink.Reset();
        lock (_gate)
        {
            _cutOffsets.Clear();
        }
    }

    internal void Accepted(long timestamp)
    {
        Interlocked.Increment(ref _connections);
        Interlocked.CompareExchange(ref _firstAccept, timestamp, 0);
        Interlocked.CompareExchange(ref _firstActivity, timestamp, 0);
    }

    internal void Sending(long timestamp) => Interlocked.CompareExchange(ref _firstActivity, timestamp, 0);

    internal void RefusedOne() => Interlocked.Increment(ref _refused);

    internal void Transmitted(bool up, int bytes) => Interlocked.Add(ref up ? ref _bytesUp : ref _bytesDown, bytes);

    internal void Delivered(long timestamp) => Interlocked.Exchange(ref _lastDelivery, timestamp);

    internal void Cut(long offset)
    {
        lock (_gate)
        {
            _cutOffsets.Add(offset);
        }
    }
}
