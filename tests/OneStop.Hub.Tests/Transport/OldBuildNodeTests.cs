using System.Buffers.Binary;
using Google.Protobuf;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Transport;

/// <summary>
/// A node on the build before Grpc.AspNetCore framed its messages by hand over HttpClient. This test sends what
/// that client sent, byte for byte in shape (5-byte prefix, gzip request frames, grpc-timeout in its own
/// format, "identity,gzip" accepted) and reads the replies the way it did: the wire contract held.
/// </summary>
public sealed class OldBuildNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task OldFramingNode_HelloPushPull_SyncsWithNewHub()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        var headers = OldClientHeaders();
        var entry = Changes.Dossier(NodeA, 1, CommuneA, "Lầu Thị Dở");

        var hello = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(1, RawGrpc.Gzip(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA }.ToByteArray())), headers: headers).WaitAsync(Patience);
        var push = await raw.PostAsync(SyncMethods.Push, RawGrpc.Frame(1, RawGrpc.Gzip(Changes.Push(NodeA, entry).ToByteArray())), headers: headers).WaitAsync(Patience);
        var pull = await raw.PostAsync(SyncMethods.Pull, RawGrpc.Frame(1, RawGrpc.Gzip(new PullRequest { NodeId = NodeA }.ToByteArray())), headers: headers).WaitAsync(Patience);

        Assert.Equal(0, hello.GrpcStatus);
        Assert.Equal("hub", HelloReply.Parser.ParseFrom(Messages(hello).Single()).HubId);
        Assert.Equal(0, push.GrpcStatus);
        Assert.Equal(1, PushReply.Parser.ParseFrom(Messages(push).Single()).AckedOriginSeq);
        Assert.Equal(0, pull.GrpcStatus);
        var pulled = Messages(pull).Select(PullReply.Parser.ParseFrom).SelectMany(r => r.Entries).Select(e => e.Change.RecordId);
        Assert.Contains(entry.RecordId.ToString(), pulled);
        Assert.NotNull(await _hub.Store.GetAsync(entry.RecordId));
    }

    [Fact]
    public async Task OldFramingNode_PlainFramesWithoutGzip_Accepted()
    {
        using var raw = new RawGrpc(_hub.GrpcAddress);
        var headers = OldClientHeaders();
        headers["grpc-encoding"] = "identity";
        headers["grpc-accept-encoding"] = "identity";

        var hello = await raw.PostAsync(SyncMethods.Hello, RawGrpc.Frame(new HelloRequest { NodeId = NodeA, CommuneCode = CommuneA }), headers: headers).WaitAsync(Patience);

        Assert.Equal(0, hello.GrpcStatus);
        Assert.Equal(0, hello.Body[0]);
        Assert.Equal("hub", HelloReply.Parser.ParseFrom(Messages(hello).Single()).HubId);
    }

    private static Dictionary<string, string> OldClientHeaders()
    {
        var headers = HubProbe.NodeARawHeaders();
        headers["grpc-encoding"] = "gzip";
        headers["grpc-accept-encoding"] = "identity,gzip";
        headers["grpc-timeout"] = "30S";
        return headers;
    }

    /// <summary>Splits a response body into its length-prefixed messages, inflating those flagged compressed.</summary>
    private static List<byte[]> Messages(RawResponse response)
    {
        var messages = new List<byte[]>();
        var body = response.Body.AsSpan();
        while (body.Length >= 5)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body[1..5]);
            var payload = body.Slice(5, length).ToArray();
            messages.Add(body[0] == 1 ? RawGrpc.Gunzip(payload) : payload);
            body = body[(5 + length)..];
        }

        Assert.Equal(0, body.Length);
        return messages;
    }
}
