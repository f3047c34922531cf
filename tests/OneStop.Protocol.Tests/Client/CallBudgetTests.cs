using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Client;

/// <summary>Deadlines sized to the bytes a call carries, and gzip on the wire, seen from the server's side.</summary>
public sealed class CallBudgetTests
{
    [Fact]
    public void Budget_OneMegabyteAt64Kbits_MoreThanTheOldFixed30Seconds()
    {
        var settings = new SyncCallSettings();

        // 1,000,000 bytes at 64,000 bit/s (8,000 bytes/s) take 125 s on the wire, on top of the base.
        Assert.Equal(TimeSpan.FromSeconds(30 + 125), settings.Budget(1_000_000));
        Assert.Equal(settings.BaseTimeout, settings.Budget(0));
    }

    [Fact]
    public async Task Push_LargeRequest_ServerSeesDeadlineSizedToItsBytesAndGzip()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var push = Samples.Push(1);
        push.Entries[0].Fields.Add(new FieldChange { Name = "scan", JsonValue = "\"" + Convert.ToBase64String(new byte[600_000]) + "\"" });
        var small = Samples.Push(2);

        await Clients.For(channel).PushAsync(push);
        var large = server.Service.Seen["/onestop.sync.v1.Sync/Push"];
        await Clients.For(channel).PushAsync(small);
        var plain = server.Service.Seen["/onestop.sync.v1.Sync/Push"];

        var expectedExtra = TimeSpan.FromSeconds((double)push.CalculateSize() / SyncCallSettings.DefaultLinkFloorBytesPerSecond);
        Assert.InRange(large.DeadlineLeft, SyncCallSettings.DefaultBaseTimeout + expectedExtra - TimeSpan.FromSeconds(10), SyncCallSettings.DefaultBaseTimeout + expectedExtra + TimeSpan.FromSeconds(1));
        Assert.True(large.DeadlineLeft > TimeSpan.FromSeconds(90), $"deadline left {large.DeadlineLeft}");
        Assert.InRange(plain.DeadlineLeft, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(32));
        Assert.Equal("gzip", large.Encoding);
    }

    [Fact]
    public async Task Push_CompressionOff_SentIdentity()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        await Clients.For(channel, compress: false).PushAsync(Samples.Push(1));

        Assert.NotEqual("gzip", server.Service.Seen["/onestop.sync.v1.Sync/Push"].Encoding);
    }
}
