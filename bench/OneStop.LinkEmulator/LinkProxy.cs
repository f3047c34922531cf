using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OneStop.LinkEmulator;

/// <summary>
/// A loopback TCP proxy in front of <paramref name="target"/> that behaves like an emulated link: the
/// profile's rate per direction (shared by all connections, as on one radio), delay and jitter, cuts from
/// a <see cref="ICutPolicy"/>, and an up/down state set by hand or by an <see cref="OutageSchedule"/>.
/// </summary>
public sealed class LinkProxy(IPEndPoint target, LinkProfile profile, TimeProvider? time = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<LinkConnection, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private Socket? _listener;
    private LinkPaths? _paths;
    private LinkProfile _profile = profile;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _scheduleLoop = Task.CompletedTask;
    private int _connectionIndex;
    private volatile bool _up = true;

    public LinkStats Stats { get; } = new();

    /// <summary>Cuts applied to connections opened from now on. Default none.</summary>
    public ICutPolicy Cuts { get; set; } = NoCuts.Instance;

    /// <summary>
    /// When set, a cut from <see cref="Cuts"/> also takes the link down (before either end sees the reset), so
    /// the state the cut left can be read before anything resumes; <see cref="SetUp"/> brings it back.
    /// </summary>
    public bool DownAfterCut { get; set; }

    public LinkProfile Profile
    {
        get => _profile;
        set
        {
            _profile = value;
            _paths = BuildPaths(value);
        }
    }

    public int Port { get; private set; }

    public bool IsUp => _up;

    public IPEndPoint Target { get; } = target;

    /// <summary>Starts listening on 127.0.0.1 (port 0: any free port; see <see cref="Port"/>).</summary>
    public void Start(int port = 0)
    {
        _paths = BuildPaths(_profile);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _listener.Listen(1024);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Brings the link up or down; going down resets every open connection and refuses new ones.</summary>
    public void SetUp(bool up)
    {
        _up = up;
        if (!up)
        {
            foreach (var connection in _open.Keys)
            {
                connection.Cut(counted: true);
            }
        }
    }

    /// <summary>Runs the schedule until disposal, starting with the up phase.</summary>
    public void Follow(OutageSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _scheduleLoop = ScheduleLoopAsync(schedule, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Dispose();
        foreach (var connection in _open.Keys)
        {
            connection.Abort();
        }

        await Task.WhenAll(_acceptLoop, _scheduleLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _ = OpenAsync(client, cancellationToken);
        }
    }

    private async Task OpenAsync(Socket client, CancellationToken cancellationToken)
    {
        if (!_up)
        {
            Stats.RefusedOne();
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            return;
        }

        var accepted = _time.GetTimestamp();
        client.NoDelay = true;
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await upstream.ConnectAsync(Target, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // Nothing listens behind the link: the client sees what it would see at the far end.
            upstream.Dispose();
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            return;
        }

        Stats.Accepted(accepted);
        var connection = new LinkConnection(client, upstream, Stats, Cuts.CutOffset(Interlocked.Increment(ref _connectionIndex) - 1), OnCut);
        _open[connection] = 0;
        connection.Start(_paths!, _time, accepted);
        await connection.Completion;
        _open.TryRemove(connection, out _);
    }

    private void OnCut()
    {
        if (DownAfterCut)
        {
            _up = false;
        }
    }

    private async Task ScheduleLoopAsync(OutageSchedule schedule, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                SetUp(true);
                await Task.Delay(schedule.Up, _time, cancellationToken);
                SetUp(false);
                await Task.Delay(schedule.Down, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private LinkPaths BuildPaths(LinkProfile link) => new(
        Shape(link.UpBytesPerSecond, link.OneWayDelay, link.Jitter),
        Shape(link.DownBytesPerSecond, link.OneWayDelay, link.Jitter),
        link.RoundTrip);

    private PathShape Shape(double bytesPerSecond, TimeSpan delay, TimeSpan jitter)
    {
        if (bytesPerSecond <= 0)
        {
            return new PathShape(null, 64 * 1024, delay, jitter);
        }

        // Segments of about 5 ms of link time (at least a small packet, at most 16 KiB): fine enough that
        // pacing is smooth, coarse enough that timers are not the bottleneck.
        var segment = (int)Math.Clamp(bytesPerSecond * 0.005, 512, 16 * 1024);
        return new PathShape(new TokenBucket(bytesPerSecond, segment, _time), segment, delay, jitter);
    }
}
