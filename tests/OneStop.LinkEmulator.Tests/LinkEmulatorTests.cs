using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OneStop.LinkEmulator.Tests;

/// <summary>
/// The emulator against its own profile: transfer time over the time the profile implies, as a ratio. The
/// link may never beat its rate or its delay (lower bound tight). The upper bound only catches a bucket that
/// is grossly wrong: CI runs ten test assemblies at once on two cores, and a 2.1× run was seen there, so
/// accuracy under a quiet machine is left to the benchmarks (bench/results), not asserted here.
/// </summary>
public sealed class LinkEmulatorTests
{
    private const double SlowestPlausible = 5.0;

    [Fact]
    public async Task Upstream_rate_matches_the_profile()
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

        Assert.InRange(ratio, 0.95, SlowestPlausible);
        Assert.Equal(bytes, proxy.Stats.BytesUp);
    }

    [Fact]
    public async Task Downstream_rate_is_its_own_and_faster_than_upstream()
    {
        var profile = new LinkProfile("test", 1_024_000, 64_000, TimeSpan.Zero, TimeSpan.Zero);
        const int bytes = 128 * 1024;
        await using var peer = new LoopbackPeer(async s =>
        {
            await s.WriteAsync(new byte[bytes]);
            s.Socket.Shutdown(SocketShutdown.Send);
        });
        await using var proxy = Started(peer, profile);
        using var client = await ConnectAsync(proxy);

        var clock = Stopwatch.StartNew();
        var received = await ReadToEndAsync(client.GetStream());
        var ratio = clock.Elapsed.TotalSeconds / (bytes / profile.DownBytesPerSecond);

        Assert.Equal(bytes, received);
        Assert.InRange(ratio, 0.95, SlowestPlausible);
    }

    [Fact]
    public async Task Round_trip_is_twice_the_one_way_delay_and_the_handshake_costs_one_more()
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

        Assert.InRange(warm / profile.RoundTrip, 0.95, SlowestPlausible);
        // The first exchange also pays the emulated SYN / SYN-ACK round trip.
        Assert.InRange(first / profile.RoundTrip, 1.9, 2 * SlowestPlausible);
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
