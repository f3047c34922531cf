using Microsoft.AspNetCore.Server.Kestrel.Core;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

public sealed class SyncRoundTripTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hello_Unary_ReturnsHubReply()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var reply = await new SyncClient(channel).HelloAsync(Samples.Hello());

        Assert.Equal(TestSyncService.HubId, reply.HubId);
        Assert.Equal(TestSyncService.HubWallMs - Samples.NodeWallMs, reply.ClockOffsetMs);
        Assert.Equal(TestSyncService.AckedOriginSeq, reply.AckedOriginSeq);
        Assert.True(channel.BytesSent > 5);
        Assert.True(channel.BytesReceived > 5);
    }

    [Fact]
    public async Task Push_Unary_AcknowledgesHighestSeq()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var reply = await new SyncClient(channel).PushAsync(Samples.Push(5, 9, 7));

        Assert.Equal(9, reply.AckedOriginSeq);
        Assert.Equal(3, reply.Applied);
    }

    [Fact]
    public async Task Push_EmptyMessage_RoundTripsZeroLengthFrames()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var reply = await new SyncClient(channel).PushAsync(new PushRequest());

        Assert.Equal(new PushReply(), reply);
    }

    [Fact]
    public async Task Pull_ServerStreaming_YieldsAllMessagesInOrder()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var replies = await new SyncClient(channel).PullAsync(new PullRequest { NodeId = "node-1", AfterCursor = 10, MaxEntries = 4 }).ToListAsync();

        Assert.Equal([11L, 12, 13, 14], replies.Select(r => r.Cursor));
        Assert.Equal([true, true, true, false], replies.Select(r => r.More));
        Assert.Equal("rec-12", replies[1].Entries[0].Change.RecordId);
    }

    [Fact]
    public async Task Pull_ServerStreaming_DeliversEachMessageBeforeTheStreamEnds()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var stream = new SyncClient(channel).PullAsync(new PullRequest { NodeId = TestSyncService.GateNode, MaxEntries = 2 });
        await using var reader = stream.GetAsyncEnumerator();

        // The handler holds the stream open behind the gate, so the first message can only arrive if it was flushed.
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(1, reader.Current.Cursor);
        server.Service.PullGate.SetResult();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(2, reader.Current.Cursor);
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public async Task UploadAttachment_ClientStreaming_AssemblesChunks()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new SyncClient(channel);
        var (sha, data, chunks) = Samples.Blob(size: 300_000, chunkSize: 64 * 1024);

        var reply = await client.UploadAttachmentAsync(Sources.Of(chunks));
        var state = await client.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha });

        Assert.Equal(sha, reply.Sha256);
        Assert.Equal(data.Length, reply.ReceivedBytes);
        Assert.True(reply.Complete);
        Assert.Equal(data.Length, state.ReceivedBytes);
        Assert.True(state.Complete);
    }

    [Fact]
    public async Task UploadAttachment_ChunkLargerThanStreamWindow_IsReceived()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var (sha, data, chunks) = Samples.Blob(size: 3 * 1024 * 1024, chunkSize: 3 * 1024 * 1024);

        var reply = await new SyncClient(channel).UploadAttachmentAsync(Sources.Of(chunks)).WaitAsync(Patience);

        Assert.Equal(sha, reply.Sha256);
        Assert.Equal(data.Length, reply.ReceivedBytes);
    }

    [Fact]
    public async Task UploadAttachment_PausedLongerThanKestrelGracePeriod_IsNotKilled()
    {
        // A strict server-wide minimum rate stands in for Kestrel's default (240 B/s after 5 s), to keep the test short.
        await using var server = await GrpcTestServer.StartAsync(kestrelLimits: k =>
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100_000, gracePeriod: TimeSpan.FromSeconds(1.5)));
        using var channel = server.CreateChannel();
        var (sha, _, chunks) = Samples.Blob(size: 2_000, chunkSize: 1_000);

        var reply = await new SyncClient(channel).UploadAttachmentAsync(SlowSource(chunks)).WaitAsync(Patience);

        Assert.Equal(sha, reply.Sha256);
        Assert.True(reply.Complete);
    }

    [Fact]
    public async Task QueryAttachment_UnknownBlob_ReportsNothingReceived()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var state = await new SyncClient(channel).QueryAttachmentAsync(new AttachmentQuery { Sha256 = "abc" });

        Assert.Equal("abc", state.Sha256);
        Assert.Equal(0, state.ReceivedBytes);
        Assert.False(state.Complete);
    }

    [Fact]
    public async Task Hello_CallHeaders_ReachTheHandler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(30), Headers = { ["x-test"] = "value-1" } };

        var reply = await new SyncClient(channel).HelloAsync(Samples.Hello(TestSyncService.HeadersNode), options);

        Assert.Equal("value-1|True|True", reply.HubId);
    }

    [Fact]
    public async Task Channel_ConcurrentCalls_AllSucceed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new SyncClient(channel);

        var replies = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => client.PushAsync(Samples.Push(i))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), replies.Select(r => r.AckedOriginSeq));
    }

    private static async IAsyncEnumerable<AttachmentChunk> SlowSource(IEnumerable<AttachmentChunk> chunks)
    {
        var first = true;
        foreach (var chunk in chunks)
        {
            if (!first)
            {
                // Pacing, not synchronisation: a 2G link that stalls between chunks for longer than the grace period.
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            first = false;
            yield return chunk;
        }
    }
}
