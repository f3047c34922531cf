using System.Net.Sockets;

namespace OneStop.LinkEmulator;

/// <summary>
/// One proxied TCP connection: a pump each way and the cut that may end both. A cut resets both sockets
/// (RST), the way a dropped radio link looks to each end once its retransmissions give up, only sooner.
/// </summary>
internal sealed class LinkConnection
{
    private readonly Socket _client;
    private readonly Socket _target;
    private readonly LinkStats _stats;
    private readonly long? _cutOffset;
    private readonly Action? _onCut;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _gate = new();
    private long _carried;
    private int _closed;

    public LinkConnection(Socket client, Socket target, LinkStats stats, long? cutOffset, Action? onCut = null)
    {
        _onCut = onCut;
        _client = client;
        _target = target;
        _stats = stats;
        _cutOffset = cutOffset;
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(LinkPaths paths, TimeProvider time, long acceptedAt)
    {
        // The client believes it is connected at once (loopback); on the emulated link its first byte can
        // leave only after the SYN / SYN-ACK round trip, so the handshake costs what it costs on the radio.
        var handshakeDone = acceptedAt + (long)(paths.RoundTrip.TotalSeconds * time.TimestampFrequency);
        var up = new LinkDirection(this, _client, _target, paths.Up, up: true, handshakeDone, time, _stats);
        var down = new LinkDirection(this, _target, _client, paths.Down, up: false, 0, time, _stats);
        Completion = Task.WhenAll(up.RunAsync(_abort.Token), down.RunAsync(_abort.Token)).ContinueWith(
            _ => Close(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Claims room for <paramref name="bytes"/> on this connection: returns how many may pass before the cut
    /// and whether the cut falls inside them.
    /// </summary>
    public (int Allowed, bool CutNow) Claim(int bytes)
    {
        lock (_gate)
        {
            if (_cutOffset is not { } cut)
            {
                _carried += bytes;
                return (bytes, false);
            }

            var room = Math.Max(0, cut - _carried);
            if (room >= bytes)
            {
                _carried += bytes;
                return (bytes, false);
            }

            _carried += room;
            return ((int)room, true);
        }
    }

    /// <summary>The cut offset is reached: tell the proxy first (it may take the link down), then break.</summary>
    public void CutAtOffset()
    {
        _onCut?.Invoke();
        Cut(counted: true);
    }

    /// <summary>An end went away or failed: reset the other end too, without counting it as an emulated cut.</summary>
    public void Abort() => Cut(counted: false);

    /// <summary>Breaks the connection now (a cut or an outage): both ends get a reset.</summary>
    public void Cut(bool counted)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        if (counted)
        {
            lock (_gate)
            {
                _stats.Cut(_carried);
            }
        }

        Reset(_client);
        Reset(_target);
        _abort.Cancel();
    }

    private void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _client.Dispose();
        _target.Dispose();
        _abort.Cancel();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger 0 turns close into RST instead of an orderly FIN.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already gone; disposing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }

        socket.Dispose();
    }
}
