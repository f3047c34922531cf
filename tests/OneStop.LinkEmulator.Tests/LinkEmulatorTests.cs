using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace OneStop.LinkEmulator.Tests;

/// <summary>
/// The emulator against its own profile. On the wall clock only what cannot flake is asserted: the link never
/// beats its rate or its delay (timers fire late, never early). How close to the profile it comes depends on the
/// machine (CI runs ten test assemblies on two cores; a 2.1× run was seen there), so that is the benchmarks'
/// (bench/results), not asserted here. The pacing itself is checked exactly, on a clock the test moves.
/// </summary>
public sealed class LinkEmulatorTests
{
    /// <summary>A guard against a hang, not a bound on speed: what it stops would be off by a factor of a hundred.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Upstream_never_beats_the_profiles_rate()
    {
        var profile = new LinkProfile("test", 8_000_000, 512_000, TimeSpan.Zero, TimeSpan.Zero);
        const int bytes = 96 * 1024;
        await using var peer = new LoopbackPeer(DrainThenReplyAsync);
        await using var proxy = Started(peer, profile);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();

        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(new byte[bytes]);
        client.Client.Shutdown(SocketShutdown.Send);
        Assert.Equal(1, await stream.ReadAsync(new byte[1]));
        var ratio = clock.Elapsed.TotalSeconds / (bytes / profile.UpBytesPerSecond);

        Assert.True(ratio >= 0.95, $"ratio {ratio}");
        Assert.Equal(bytes, proxy.Stats.BytesUp);
    }

    [Fact]
    public async Task Downstream_never_beats_its_rate_and_is_not_held_to_the_upstream_rate()
    {
        // Up 8 kbit/s: held to it, 128 KiB down would take two minutes and the guard would stop it.
        var profile = new LinkProfile("test", 1_024_000, 8_000, TimeSpan.Zero, TimeSpan.Zero);
        const int bytes = 128 * 1024;
        await using var peer = new LoopbackPeer(async s =>
        {
            await s.WriteAsync(new byte[bytes]);
            s.Socket.Shutdown(SocketShutdown.Send);
        });
        await using var proxy = Started(peer, profile);
        using var client = await ConnectAsync(proxy);

        var clock = Stopwatch.StartNew();
        var received = await ReadToEndAsync(client.GetStream()).WaitAsync(Patience);
        var ratio = clock.Elapsed.TotalSeconds / (bytes / profile.DownBytesPerSecond);

        Assert.Equal(bytes, received);
        Assert.True(ratio >= 0.95, $"ratio {ratio}");
    }

    [Fact]
    public async Task Token_bucket_passes_what_it_holds_then_exactly_the_rate_on_its_clock()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(1000, 100, clock);

        Assert.True(bucket.TakeAsync(100, CancellationToken.None).IsCompleted);
        var debt = bucket.TakeAsync(500, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(debt.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await debt.WaitAsync(Patience);

        // Idle for a minute, it still holds one segment: a quiet link cannot save up a burst.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(bucket.TakeAsync(100, CancellationToken.None).IsCompleted);
        var over = bucket.TakeAsync(10, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.False(over.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await over.WaitAsync(Patience);
    }

    [Fact]
    public void TakeAsync_BackloggedAfterLateWakeUp_GivesBackTheLostTimeUpToTheCap()
    {
        var bucket = WokenLateAfterDebt();

        // In the 300 ms the link could have carried 300 B; the cap gives back 100 ms of them (100 B) on top of the
        // segment the bucket always holds: 200 B pass at once, the next 100 B wait. Without the backlog only 100 B pass.
        Assert.True(bucket.TakeAsync(100, backlogged: true, CancellationToken.None).IsCompleted);
        Assert.True(bucket.TakeAsync(100, backlogged: true, CancellationToken.None).IsCompleted);
        Assert.False(bucket.TakeAsync(100, backlogged: true, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void TakeAsync_SenderPausedAfterDebt_GetsNoCredit()
    {
        var bucket = WokenLateAfterDebt();

        // Nothing was waiting when the pacer woke: the link was idle, and bytes queued after that owe nothing.
        Assert.True(bucket.TakeAsync(100, backlogged: false, CancellationToken.None).IsCompleted);
        Assert.False(bucket.TakeAsync(100, backlogged: true, CancellationToken.None).IsCompleted);
    }

    /// <summary>1,000 B/s, one segment of 100 B: a 500 B debt falls due at 500 ms and the pacer wakes 300 ms late.</summary>
    private static TokenBucket WokenLateAfterDebt()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(1000, 100, clock);
        Assert.True(bucket.TakeAsync(100, backlogged: true, CancellationToken.None).IsCompleted);
        Assert.False(bucket.TakeAsync(500, backlogged: true, CancellationToken.None).IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(800));
        return bucket;
    }

    [Fact]
    public async Task Round_trip_is_at_least_twice_the_one_way_delay_and_the_handshake_costs_one_more()
    {
        var profile = new LinkProfile("test", LinkProfile.Unlimited, LinkProfile.Unlimited, TimeSpan.FromMilliseconds(300), TimeSpan.Zero);
        await using var peer = new LoopbackPeer(LoopbackPeer.EchoAsync);
        await using var proxy = Started(peer, profile);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();
        var reply = new byte[4];

        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(new byte[4]);
        await stream.ReadExactlyAsync(reply);
        var first = clock.Elapsed;
        clock.Restart();
        await stream.WriteAsync(new byte[4]);
        await stream.ReadExactlyAsync(reply);
        var warm = clock.Elapsed;

        Assert.True(warm / profile.RoundTrip >= 0.95, $"warm exchange {warm}");
        // The first exchange also pays the emulated SYN / SYN-ACK round trip.
        Assert.True(first / profile.RoundTrip >= 1.9, $"first exchange {first}");
    }

    [Fact]
    public async Task Jitter_never_reorders_bytes()
    {
        var profile = new LinkProfile("test", LinkProfile.Unlimited, LinkProfile.Unlimited, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(10));
        await using var peer = new LoopbackPeer(LoopbackPeer.EchoAsync);
        await using var proxy = Started(peer, profile);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();
        var sent = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();

        for (var i = 0; i < sent.Length; i += 256)
        {
            await stream.WriteAsync(sent.AsMemory(i, 256));
        }

        var echoed = new byte[sent.Length];
        await stream.ReadExactlyAsync(echoed);
        Assert.Equal(sent, echoed);
    }

    [Fact]
    public async Task A_cut_passes_exactly_the_bytes_before_its_offset_then_resets()
    {
        await using var peer = new LoopbackPeer(LoopbackPeer.EchoAsync);
        await using var proxy = Started(peer, LinkProfiles.Loopback);
        proxy.Cuts = new FixedCut(10_000);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();

        var writing = stream.WriteAsync(new byte[64 * 1024]).AsTask();
        var received = await ReadToEndAsync(stream);
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await writing;
            await stream.WriteAsync(new byte[64 * 1024]);
            await stream.WriteAsync(new byte[64 * 1024]);
        });

        // Both directions share the offset: what went up and what came back add up to it.
        Assert.Equal(10_000, proxy.Stats.BytesUp + proxy.Stats.BytesDown);
        Assert.True(received <= 5_000, $"received {received}");
        Assert.Equal([10_000L], proxy.Stats.CutOffsets);
    }

    [Fact]
    public async Task A_link_that_is_down_refuses_connections_until_it_is_up_again()
    {
        await using var peer = new LoopbackPeer(LoopbackPeer.EchoAsync);
        await using var proxy = Started(peer, LinkProfiles.Loopback);
        proxy.SetUp(false);
        try
        {
            using var refused = await ConnectAsync(proxy);
            Assert.Equal(0, await ReadToEndAsync(refused.GetStream()));
        }
        catch (SocketException)
        {
            // The reset may already reach the client during its connect.
        }

        proxy.SetUp(true);
        using var client = await ConnectAsync(proxy);
        await client.GetStream().WriteAsync(new byte[] { 7 });
        var echoed = new byte[1];
        await client.GetStream().ReadExactlyAsync(echoed);

        Assert.Equal(7, echoed[0]);
        Assert.Equal(1, proxy.Stats.Refused);
    }

    [Fact]
    public void The_outage_pattern_scales_five_minutes_up_twenty_down()
    {
        var schedule = OutageSchedule.FiveUpTwentyDown(timeScale: 100);

        Assert.Equal(TimeSpan.FromSeconds(3), schedule.Up);
        Assert.Equal(TimeSpan.FromSeconds(12), schedule.Down);
    }

    private static LinkProxy Started(LoopbackPeer peer, LinkProfile profile)
    {
        var proxy = new LinkProxy(peer.EndPoint, profile);
        proxy.Start();
        return proxy;
    }

    private static async Task<TcpClient> ConnectAsync(LinkProxy proxy)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        return client;
    }

    private static async Task DrainThenReplyAsync(NetworkStream stream)
    {
        await ReadToEndAsync(stream);
        await stream.WriteAsync(new byte[] { 1 });
    }

    private static async Task<int> ReadToEndAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // A reset ends the stream too.
        }

        return total;
    }

    private sealed class FixedCut(long offset) : ICutPolicy
    {
        public long? CutOffset(int connectionIndex) => offset;
    }
}
