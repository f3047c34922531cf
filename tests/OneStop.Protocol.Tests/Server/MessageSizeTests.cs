using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

public sealed class MessageSizeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Options_Defaults_AreFourMebibytes()
    {
        Assert.Equal(4 * 1024 * 1024, new GrpcServerOptions().MaxReceiveMessageBytes);
        Assert.Equal(4 * 1024 * 1024, new GrpcChannelOptions().MaxReceiveMessageBytes);
    }

    [Fact]
    public async Task Server_RequestOverLimit_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { MaxReceiveMessageBytes = 1024 });
        using var channel = server.CreateChannel();
        var push = Samples.Push(1);
        push.Entries[0].Fields[0].JsonValue = new string('x', 4_000);

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel).PushAsync(push));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task Server_GzipBombOverLimit_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { MaxReceiveMessageBytes = 1024 });
        using var channel = server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        var push = Samples.Push(1);
        push.Entries[0].Fields[0].JsonValue = new string('x', 100_000);

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel).PushAsync(push));

        Assert.True(channel.BytesSent < 1024, "the compressed frame itself is under the limit");
        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task ClientStream_ServerRefusesChunkEarly_ClientReportsServerStatus()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { MaxReceiveMessageBytes = 64 * 1024 });
        using var channel = server.CreateChannel();
        var (_, _, chunks) = Samples.Blob(size: 256 * 1024, chunkSize: 128 * 1024);

        // The source then stalls forever: only the server's early answer can end the call.
        var ex = await Assert.ThrowsAsync<GrpcException>(() =>
            new SyncClient(channel).UploadAttachmentAsync(Sources.ThenNever(chunks.Take(1))).WaitAsync(Patience));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
        await MalformedRequestTests.AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task ClientStream_ServerRefusesMidStream_ClientReportsServerStatus()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { MaxReceiveMessageBytes = 64 * 1024 });
        using var channel = server.CreateChannel();
        var small = Samples.Blob(size: 1_000, chunkSize: 1_000).Chunks;
        var big = Samples.Blob(size: 512 * 1024, chunkSize: 128 * 1024).Chunks;

        var ex = await Assert.ThrowsAsync<GrpcException>(() =>
            new SyncClient(channel).UploadAttachmentAsync(Sources.Of(small.Concat(big))).WaitAsync(Patience));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task Client_ResponseOverLimit_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageBytes = 1024 });

        var ex = await Assert.ThrowsAsync<GrpcException>(() =>
            new SyncClient(channel).PullAsync(new PullRequest { NodeId = TestSyncService.BigNode }).ToListAsync().AsTask());

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task Client_RequestOverSendLimit_FailsLocally()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxSendMessageBytes = 1024 });
        var push = Samples.Push(1);
        push.Entries[0].Fields[0].JsonValue = new string('x', 4_000);

        var ex = await Assert.ThrowsAsync<GrpcException>(() => new SyncClient(channel).PushAsync(push));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
        Assert.Equal(0, channel.BytesSent);
    }

    [Fact]
    public async Task Server_ResponseOverSendLimit_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { MaxSendMessageBytes = 1024 });
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<GrpcException>(() =>
            new SyncClient(channel).PullAsync(new PullRequest { NodeId = TestSyncService.BigNode }).ToListAsync().AsTask());

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
    }
}
