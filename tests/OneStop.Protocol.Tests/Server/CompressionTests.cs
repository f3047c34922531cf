using Google.Protobuf;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

public sealed class CompressionTests
{
    [Fact]
    public async Task Gzip_BothWays_ShrinksWireBytesAndRoundTrips()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true });
        using var channel = server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        var client = new SyncClient(channel);
        var push = Samples.Push(1);
        push.Entries[0].Fields[0].JsonValue = new string('x', 50_000);

        var pushed = await client.PushAsync(push);
        var replies = await client.PullAsync(new PullRequest { NodeId = TestSyncService.BigNode, MaxEntries = 1 }).ToListAsync();

        Assert.Equal(1, pushed.AckedOriginSeq);
        Assert.True(channel.BytesSent < push.CalculateSize() / 10, $"sent {channel.BytesSent} bytes");
        Assert.Equal(TestSyncService.BigValueLength, replies.Single().Entries[0].Change.Fields[0].JsonValue.Length);
        Assert.True(channel.BytesReceived < TestSyncService.BigValueLength / 10, $"received {channel.BytesReceived} bytes");
    }

    [Fact]
    public async Task Server_GzipRequestFrame_IsDecompressed_AndReplyCompressedWhenAccepted()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true });
        using var raw = new RawGrpc(server.Address);
        var request = Samples.Hello();
        request.SoftwareVersion = new string('v', 2_000);
        var headers = new Dictionary<string, string> { ["grpc-encoding"] = "gzip", ["grpc-accept-encoding"] = "gzip" };

        var response = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(1, RawGrpc.Gzip(request.ToByteArray())), headers: headers);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        var payload = response.Body.AsSpan(5).ToArray();
        var reply = response.Body[0] == 1 ? HelloReply.Parser.ParseFrom(RawGrpc.Gunzip(payload)) : HelloReply.Parser.ParseFrom(payload);
        Assert.Equal(TestSyncService.HubId, reply.HubId);
    }

    [Fact]
    public async Task Server_ClientDoesNotAcceptGzip_RepliesUncompressed()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true });
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync(
            SyncMethods.Pull,
            RawGrpc.Frame(new PullRequest { NodeId = TestSyncService.BigNode, MaxEntries = 1 }),
            headers: new Dictionary<string, string> { ["grpc-accept-encoding"] = "identity" });

        Assert.Equal(0, response.GrpcStatus);
        Assert.False(response.Headers.ContainsKey("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public async Task Gzip_ClientStreaming_RoundTrips()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true });
        using var channel = server.CreateChannel(new GrpcChannelOptions { CompressRequests = true });
        var (sha, data, chunks) = Samples.Blob(size: 200_000, chunkSize: 50_000);

        var reply = await new SyncClient(channel).UploadAttachmentAsync(Sources.Of(chunks));

        Assert.Equal(sha, reply.Sha256);
        Assert.Equal(data.Length, reply.ReceivedBytes);
        Assert.True(reply.Complete);
    }
}
