using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

public sealed class StatusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hello_HandlerThrowsGrpcException_ClientGetsStatusAndUnicodeMessage()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel).HelloAsync(Samples.Hello(TestSyncService.FailNode)));

        Assert.Equal(GrpcStatusCode.FailedPrecondition, ex.Status);
        Assert.Equal(TestSyncService.FailMessage, ex.Message);
    }

    [Fact]
    public async Task Hello_StatusMessage_IsPercentEncodedAscii()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(Samples.Hello(TestSyncService.FailNode)));

        Assert.Equal((int)GrpcStatusCode.FailedPrecondition, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.All(response.GrpcMessage!, ch => Assert.InRange(ch, ' ', '~'));
        Assert.Contains("100%25", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal(TestSyncService.FailMessage, Uri.UnescapeDataString(response.GrpcMessage!));
    }

    [Fact]
    public async Task Hello_HandlerThrowsUnexpectedly_UnknownWithoutLeakingDetails()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel).HelloAsync(Samples.Hello(TestSyncService.ThrowNode)));

        Assert.Equal(GrpcStatusCode.Unknown, ex.Status);
        Assert.DoesNotContain(TestSyncService.SecretInException, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, line => line.Contains(TestSyncService.SecretInException, StringComparison.Ordinal));
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task Pull_ServerAbortsStreamMidway_ClientGetsUnavailable()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var received = new List<PullReply>();

        var ex = await Assert.ThrowsAsync<GrpcException>(async () =>
        {
            await foreach (var reply in new SyncClient(channel).PullAsync(new PullRequest { NodeId = TestSyncService.AbortNode, MaxEntries = 3 }))
            {
                received.Add(reply);
            }
        }).WaitAsync(Patience);

        Assert.Equal(GrpcStatusCode.Unavailable, ex.Status);
        Assert.True(received.Count <= 1);
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task Hello_CallerCancels_Cancelled()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var cts = new CancellationTokenSource();
        var call = new SyncClient(channel).HelloAsync(Samples.Hello(TestSyncService.SlowNode), cancellationToken: cts.Token);

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<GrpcException>(() => call.WaitAsync(Patience));
        Assert.Equal(GrpcStatusCode.Cancelled, ex.Status);
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }
}
