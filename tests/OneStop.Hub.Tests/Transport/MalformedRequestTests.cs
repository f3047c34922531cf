using Google.Protobuf;
using Grpc.Core;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Transport;

/// <summary>
/// Bytes our own client would never send, against the real hub on Kestrel (Grpc.AspNetCore): each gets a
/// status and none takes the hub down, so every test ends with a real node syncing.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public static TheoryData<string, StatusCode> BadBodies => new()
    {
        { "payload-truncated", StatusCode.Internal },
        { "header-truncated", StatusCode.Internal },
        { "compressed-without-encoding", StatusCode.Internal },
        // Grpc.AspNetCore answers a message its parser throws on with UNKNOWN (the hand-built transport said INTERNAL).
        { "garbage-protobuf", StatusCode.Unknown },
        { "two-messages-for-unary", StatusCode.Internal },
        { "no-message", StatusCode.Internal },
        { "unknown-encoding", StatusCode.Unimplemented },
        { "declared-64-mb", StatusCode.ResourceExhausted },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Push_BadBodyFromKnownNode_StatusAndHubStillServes(string kind, StatusCode expected)
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        var push = Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Giàng A Sử")).ToByteArray();
        var headers = HubProbe.NodeARawHeaders();
        byte[] body = kind switch
        {
            "payload-truncated" => RawGrpc.Frame(0, push.AsSpan(0, 3), declaredLength: (uint)push.Length),
            "header-truncated" => [0, 0, 0],
            "compressed-without-encoding" => RawGrpc.Frame(1, RawGrpc.Gzip(push)),
            "garbage-protobuf" => RawGrpc.Frame(0, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            "two-messages-for-unary" => [.. RawGrpc.Frame(0, push), .. RawGrpc.Frame(0, push)],
            "no-message" => [],
            "unknown-encoding" => RawGrpc.Frame(1, push),
            "declared-64-mb" => RawGrpc.Frame(0, [], declaredLength: 64u * 1024 * 1024),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        headers["grpc-encoding"] = kind == "unknown-encoding" ? "snappy" : "identity";
        var before = await HubProbe.SnapshotAsync(_hub);

        var response = await raw.PostAsync(SyncMethods.Push, body, headers: headers).WaitAsync(Patience);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal((int)expected, response.GrpcStatus);
        if (kind == "unknown-encoding")
        {
            Assert.Contains("gzip", response.Headers["grpc-accept-encoding"], StringComparison.Ordinal);
        }

        Assert.Equal(before, await HubProbe.SnapshotAsync(_hub));
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Push_AnonymousGarbageProtobuf_UnauthenticatedWithoutParserTextAndStoreUnchanged()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        var before = await HubProbe.SnapshotAsync(_hub);

        // Bytes that fail to parse: a parser that ran first would answer INTERNAL with its own words about them.
        var response = await raw.PostAsync(SyncMethods.Push, RawGrpc.Frame(0, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])).WaitAsync(Patience);

        Assert.Equal((int)StatusCode.Unauthenticated, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.DoesNotContain("pars", response.GrpcMessage ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tag", response.GrpcMessage ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await HubProbe.SnapshotAsync(_hub));
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Push_WellFormedButAnonymous_UnauthenticatedAndStoreUnchanged()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        var before = await HubProbe.SnapshotAsync(_hub);

        var response = await raw.PostAsync(SyncMethods.Push, RawGrpc.Frame(Changes.Push(NodeA, Changes.Dossier(NodeA, 1, CommuneA, "Thào A Chứ")))).WaitAsync(Patience);

        Assert.Equal((int)StatusCode.Unauthenticated, response.GrpcStatus);
        Assert.Equal(before, await HubProbe.SnapshotAsync(_hub));
    }

    [Theory]
    [InlineData("/onestop.sync.v1.Sync/DoesNotExist")]
    [InlineData("/onestop.sync.v2.Sync/Hello")]
    [InlineData("/onestop.sync.v1.Sync/hello")]
    public async Task UnknownMethod_Unimplemented(string path)
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);

        var response = await raw.PostAsync(path, RawGrpc.Frame(new HelloRequest { NodeId = NodeA }), headers: HubProbe.NodeARawHeaders()).WaitAsync(Patience);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal((int)StatusCode.Unimplemented, response.GrpcStatus);
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Hello_ContentTypeNotGrpc_Returns415()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);

        var response = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(new HelloRequest { NodeId = NodeA }), contentType: "application/json", headers: HubProbe.NodeARawHeaders()).WaitAsync(Patience);

        Assert.Equal(415, response.HttpStatus);
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Upload_DeadlinePassesMidStream_DeadlineExceeded()
    {
        using var channel = SyncChannel.Create(_hub.GrpcAddress);
        var calls = new Sync.SyncClient(channel);
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(300);
        using var call = calls.UploadAttachment(new CallOptions(HubProbe.NodeAHeaders(), deadline));

        // The first chunk arrives, the second never does: only the deadline can end the call.
        await call.RequestStream.WriteAsync(new AttachmentChunk { Sha256 = new string('a', 64), TotalSize = 100, Offset = 0, Data = ByteString.CopyFrom(new byte[50]) });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Upload_Declared64MbFrame_RefusedBeforePayloadArrives()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        // Only the 5-byte prefix is sent and the stream stays open: an answer proves nothing was buffered first.
        using var content = new OpenEndedContent(RawGrpc.Frame(0, [], declaredLength: 64u * 1024 * 1024));

        var response = await raw.PostAsync(SyncMethods.UploadAttachment, content, headers: HubProbe.NodeARawHeaders()).WaitAsync(Patience);

        Assert.Equal((int)StatusCode.ResourceExhausted, response.GrpcStatus);
        await HubProbe.AssertServesANodeAsync(_hub);
    }

    [Fact]
    public async Task Hello_BurstOf300Calls_AllAnsweredAndHubStillServes()
    {
        using var node = _hub.Client(NodeA, KeyA);

        var replies = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ =>
            node.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA }))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(replies, r => Assert.Equal("hub", r.HubId));
        await HubProbe.AssertServesANodeAsync(_hub);
    }
}
