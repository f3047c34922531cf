using Microsoft.Extensions.Time.Testing;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

public sealed class DeadlineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Server_EnforcesGrpcTimeout_DeadlineExceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        // The raw client keeps waiting; only the server's own deadline can end this call.
        var response = await raw.PostAsync(
            SyncMethods.Hello,
            RawGrpc.Frame(Samples.Hello(TestSyncService.SlowNode)),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = "200m" }).WaitAsync(Patience);

        Assert.Equal((int)GrpcStatusCode.DeadlineExceeded, response.GrpcStatus);
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task Client_Timeout_DeadlineExceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel)
            .HelloAsync(Samples.Hello(TestSyncService.SlowNode), new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(300) })
            .WaitAsync(Patience));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, ex.Status);
    }

    [Fact]
    public async Task Client_TimeoutDuringServerStream_DeadlineExceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var clock = new FakeTimeProvider();
        using var channel = server.CreateChannel(new GrpcChannelOptions { TimeProvider = clock });
        // A minute: the server enforces the same grpc-timeout on its own (real) clock, which must not end the call first.
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromMinutes(1) };
        await using var stream = new SyncClient(channel).PullAsync(new PullRequest { NodeId = TestSyncService.GateNode }, options).GetAsyncEnumerator();

        // The deadline runs on the test's clock: the first message arrives however slow the machine, the gate
        // holds the stream after it, and only then does the deadline pass.
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Patience));
        var next = stream.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAsync<GrpcException>(() => next.WaitAsync(Patience));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, ex.Status);
    }

    [Fact]
    public async Task Client_SendsGrpcTimeoutHeader()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var reply = await new SyncClient(channel).HelloAsync(
            Samples.Hello(TestSyncService.HeadersNode),
            new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(5) });

        Assert.EndsWith("|True|True", reply.HubId, StringComparison.Ordinal);
    }
}
