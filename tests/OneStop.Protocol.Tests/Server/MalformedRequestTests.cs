using Google.Protobuf;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Server;

/// <summary>Bad bytes get a status and never take the server down: each test ends with a good call.</summary>
public sealed class MalformedRequestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Unary_ContentTypeNotGrpc_Returns415()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(Samples.Hello()), contentType: "application/json");

        Assert.Equal(415, response.HttpStatus);
        await AssertServerStillServesAsync(server);
    }

    [Theory]
    [InlineData("/onestop.sync.v1.Sync/DoesNotExist")]
    [InlineData("/onestop.sync.v2.Sync/Hello")]
    [InlineData("/onestop.sync.v1.Sync/hello")]
    [InlineData("/nothing")]
    public async Task UnknownMethod_TrailersOnlyUnimplemented(string path)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync(path, RawGrpc.Frame(Samples.Hello()), contentType: "application/grpc+proto");

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal((int)GrpcStatusCode.Unimplemented, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        await AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task UnknownMethod_ThroughChannel_ThrowsUnimplemented()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<GrpcException>(() =>
            channel.UnaryAsync("/onestop.sync.v1.Sync/DoesNotExist", Samples.Hello(), HelloReply.Parser));

        Assert.Equal(GrpcStatusCode.Unimplemented, ex.Status);
    }

    [Fact]
    public async Task Fallback_PostWithoutGrpcContentType_Returns404()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync("/some/form", [1, 2, 3], contentType: "application/octet-stream");

        Assert.Equal(404, response.HttpStatus);
    }

    public static TheoryData<string, GrpcStatusCode> BadBodies => new()
    {
        { "payload-truncated", GrpcStatusCode.Internal },
        { "header-truncated", GrpcStatusCode.Internal },
        { "flag-7", GrpcStatusCode.Internal },
        { "compressed-without-encoding", GrpcStatusCode.Internal },
        { "garbage-protobuf", GrpcStatusCode.Internal },
        { "corrupt-gzip", GrpcStatusCode.Internal },
        { "two-messages-for-unary", GrpcStatusCode.Internal },
        { "no-message", GrpcStatusCode.Internal },
        { "unknown-encoding", GrpcStatusCode.Unimplemented },
        { "declared-too-large", GrpcStatusCode.ResourceExhausted },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Unary_BadRequestBody_GetsStatusAndServerSurvives(string kind, GrpcStatusCode expected)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);
        var hello = Samples.Hello().ToByteArray();
        var headers = new Dictionary<string, string>();
        byte[] body = kind switch
        {
            "payload-truncated" => RawGrpc.Frame(0, hello.AsSpan(0, 3), declaredLength: (uint)hello.Length),
            "header-truncated" => [0, 0, 0],
            "flag-7" => RawGrpc.Frame(7, hello),
            "compressed-without-encoding" => RawGrpc.Frame(1, RawGrpc.Gzip(hello)),
            "garbage-protobuf" => RawGrpc.Frame(0, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            "corrupt-gzip" => RawGrpc.Frame(1, [0x1F, 0x8B, 8, 0, 0xDE, 0xAD, 0xBE, 0xEF]),
            "two-messages-for-unary" => [.. RawGrpc.Frame(0, hello), .. RawGrpc.Frame(0, hello)],
            "no-message" => [],
            "unknown-encoding" => RawGrpc.Frame(1, hello),
            "declared-too-large" => RawGrpc.Frame(0, [], declaredLength: 64u * 1024 * 1024),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        headers["grpc-encoding"] = kind switch
        {
            "corrupt-gzip" => "gzip",
            "unknown-encoding" => "snappy",
            _ => "identity",
        };

        var response = await raw.PostAsync(SyncMethods.Hello, body, headers: headers);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal((int)expected, response.GrpcStatus);
        Assert.False(string.IsNullOrEmpty(response.GrpcMessage));
        if (kind == "unknown-encoding")
        {
            Assert.Contains("gzip", response.Headers["grpc-accept-encoding"], StringComparison.Ordinal);
        }

        await AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task ClientStream_OversizedHeader_RefusedBeforePayloadArrives()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);
        // Only the 5-byte prefix is sent and the stream stays open: an answer proves nothing was buffered first.
        using var content = new OpenEndedContent(RawGrpc.Frame(0, [], declaredLength: 64u * 1024 * 1024));

        var response = await raw.PostAsync(SyncMethods.UploadAttachment, content).WaitAsync(Patience);

        Assert.Equal((int)GrpcStatusCode.ResourceExhausted, response.GrpcStatus);
        Assert.True(response.IsTrailersOnly);
        await AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task ClientStream_ClientAbortsMidStream_HandlerSeesUnavailable()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);
        var (_, _, chunks) = Samples.Blob(size: 100, chunkSize: 50);
        using var content = new OpenEndedContent(RawGrpc.Frame(chunks[0]));
        var call = raw.PostAsync(SyncMethods.UploadAttachment, content);
        await content.Sent.WaitAsync(Patience);

        content.Abort();

        Assert.Equal(GrpcStatusCode.Unavailable, await server.Service.UploadFailure.Task.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<Exception>(() => call);
        await AssertServerStillServesAsync(server);
    }

    [Fact]
    public async Task Unary_ResponseIsFramedWithStatusInTrailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpc(server.Address);

        var response = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(Samples.Hello()));

        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.Equal(0, response.Body[0]);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(response.Body.AsSpan(1, 4));
        Assert.Equal(response.Body.Length - 5, (int)length);
        Assert.Equal(TestSyncService.HubId, HelloReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).HubId);
    }

    internal static async Task AssertServerStillServesAsync(GrpcTestServer server)
    {
        using var channel = server.CreateChannel();
        var reply = await new SyncClient(channel).HelloAsync(Samples.Hello()).WaitAsync(Patience);
        Assert.Equal(TestSyncService.HubId, reply.HubId);
    }
}
