using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Changes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.HubConsole.Ports;
using OneStop.Protocol;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Attachments;

/// <summary>
/// Originals of shrunk scans on the real hub over loopback: an admin asks in the console, the node of that commune
/// sees the request and uploads the original in chunks, and the console serves it back. What nobody asked for, or
/// what does not hash to the requested SHA-256, is refused and leaves the stored data as it was.
/// </summary>
public sealed class OriginalsTests : IAsyncLifetime
{
    private const int Chunk = 64 * 1024;

    private HubTestHost _hub = null!;

    private IConsoleOriginals Console => _hub.Services.GetRequiredService<IConsoleOriginals>();

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Upload_AfterAdminRequest_OnlyThatCommuneAskedStoredReceivedDownloadableAndAudited()
    {
        var original = Bytes(200_000, seed: 1);
        var id = await WriteScanAsync(CommuneA, original);
        using var nodeA = _hub.Client(NodeA, KeyA);
        using var nodeB = _hub.Client(NodeB, KeyB);

        var before = await Console.ListAsync(default);
        var asked = await Console.RequestAsync(ConsolePrincipals.Admin, id, default);
        var wantedByA = (await Originals(nodeA).RequestedAsync()).Originals;
        var wantedByB = (await Originals(nodeB).RequestedAsync()).Originals;
        var reply = await Originals(nodeA).UploadAsync(ChunksOf(original, Sha(original), 0), original.Length);
        var after = await Console.ListAsync(default);
        var download = await Console.DownloadAsync(ConsolePrincipals.Admin, id, default);
        var viewerDownload = await Console.DownloadAsync(ConsolePrincipals.Viewer, id, default);

        Assert.Equal(OriginalState.NotRequested, Assert.Single(before, r => r.AttachmentId == id).State);
        Assert.True(asked.Succeeded, asked.ErrorKey);
        Assert.Equal((id.ToString(), Sha(original)), Assert.Single(wantedByA) is { } w ? (w.AttachmentId, w.Sha256) : default);
        Assert.Empty(wantedByB);
        Assert.True(reply.Complete);
        Assert.Equal(OriginalState.Received, Assert.Single(after, r => r.AttachmentId == id).State);
        Assert.Empty((await Originals(nodeA).RequestedAsync()).Originals);
        Assert.Equal(original, download?.Content);
        Assert.Equal("image/png", download?.ContentType);
        Assert.Null(viewerDownload);
        var audit = await _hub.Services.GetRequiredService<IConsoleAudit>().ListAsync(10, default);
        Assert.Contains(audit, e => e.Action == "original.request" && e.Actor == "qt.tinh" && e.Target == $"{CommuneA}/{id}");
        Assert.Single(audit, e => e.Action == "original.download" && e.Actor == "qt.tinh" && e.Target == $"{CommuneA}/{id}");
    }

    [Fact]
    public async Task Hello_OriginalsRequested_CountsOpenRequestsOfTheCallersCommuneUntilReceived()
    {
        var original = Bytes(80_000, seed: 11);
        var id = await WriteScanAsync(CommuneA, original);
        using var nodeA = _hub.Client(NodeA, KeyA);
        using var nodeB = _hub.Client(NodeB, KeyB);

        var beforeAsking = await nodeA.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = "inc-a" });
        await Console.RequestAsync(ConsolePrincipals.Admin, id, default);
        var askedA = await nodeA.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = "inc-a" });
        var askedB = await nodeB.Sync.HelloAsync(new HelloRequest { NodeId = NodeB, Incarnation = "inc-b" });
        await Originals(nodeA).UploadAsync(ChunksOf(original, Sha(original), 0), original.Length);
        var afterReceived = await nodeA.Sync.HelloAsync(new HelloRequest { NodeId = NodeA, Incarnation = "inc-a" });

        // The node asks which originals only when Hello says some are wanted, so an idle round stays one call.
        Assert.Equal(0, beforeAsking.OriginalsRequested);
        Assert.Equal(1, askedA.OriginalsRequested);
        Assert.Equal(0, askedB.OriginalsRequested);
        Assert.Equal(0, afterReceived.OriginalsRequested);
    }

    [Fact]
    public async Task Upload_CutThenResumedFromTheHubsBytes_CompleteWithTheSameContent()
    {
        var original = Bytes(3 * Chunk + 17, seed: 2);
        var sha = Sha(original);
        var id = await WriteScanAsync(CommuneA, original);
        using var node = _hub.Client(NodeA, KeyA);
        await Console.RequestAsync(ConsolePrincipals.Admin, id, default);

        var first = await Originals(node).UploadAsync(ChunksOf(original, sha, 0).Take(2), 2 * Chunk);
        var held = await node.Sync.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha });
        var rest = await Originals(node).UploadAsync(ChunksOf(original, sha, held.ReceivedBytes), original.Length - held.ReceivedBytes);

        Assert.False(first.Complete);
        Assert.Equal(2 * Chunk, held.ReceivedBytes);
        Assert.True(rest.Complete);
        Assert.Equal(original, (await Console.DownloadAsync(ConsolePrincipals.Admin, id, default))?.Content);
    }

    [Fact]
    public async Task Upload_NeverRequestedOrByAnotherCommune_PermissionDeniedAndNothingStored()
    {
        var small = Bytes(5_000, seed: 3);
        await _hub.Attachments.AppendAsync(Sha(small), small.Length, 0, small, "image/webp");
        var neverAsked = Bytes(100_000, seed: 4);
        await WriteScanAsync(CommuneA, neverAsked);
        var askedOfA = Bytes(100_000, seed: 5);
        await Console.RequestAsync(ConsolePrincipals.Admin, await WriteScanAsync(CommuneA, askedOfA), default);
        using var nodeA = _hub.Client(NodeA, KeyA);
        using var nodeB = _hub.Client(NodeB, KeyB);

        var unasked = await Assert.ThrowsAsync<RpcException>(() => Originals(nodeA).UploadAsync(ChunksOf(neverAsked, Sha(neverAsked), 0), neverAsked.Length));
        var otherCommune = await Assert.ThrowsAsync<RpcException>(() => Originals(nodeB).UploadAsync(ChunksOf(askedOfA, Sha(askedOfA), 0), askedOfA.Length));

        Assert.Equal(StatusCode.PermissionDenied, unasked.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherCommune.StatusCode);
        Assert.Equal(0, (await _hub.Attachments.QueryAsync(Sha(neverAsked))).Received);
        Assert.Equal(0, (await _hub.Attachments.QueryAsync(Sha(askedOfA))).Received);
        Assert.Equal(small, await _hub.Attachments.ReadCompleteAsync(Sha(small)));
        Assert.Contains((await Originals(nodeA).RequestedAsync()).Originals, o => o.Sha256 == Sha(askedOfA));
    }

    [Fact]
    public async Task Upload_ContentNotHashingToTheRequestedSha_DataLossRequestStaysOpenOtherContentIntact()
    {
        var small = Bytes(5_000, seed: 6);
        await _hub.Attachments.AppendAsync(Sha(small), small.Length, 0, small, "image/webp");
        var original = Bytes(150_000, seed: 7);
        var id = await WriteScanAsync(CommuneA, original);
        await Console.RequestAsync(ConsolePrincipals.Admin, id, default);
        var tampered = (byte[])original.Clone();
        tampered[^1] ^= 0xFF;
        using var node = _hub.Client(NodeA, KeyA);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Originals(node).UploadAsync(ChunksOf(tampered, Sha(original), 0), tampered.Length));

        Assert.Equal(StatusCode.DataLoss, refused.StatusCode);
        Assert.Equal(0, (await _hub.Attachments.QueryAsync(Sha(original))).Received);
        Assert.Equal(OriginalState.Requested, Assert.Single(await Console.ListAsync(default), r => r.AttachmentId == id).State);
        Assert.Null(await Console.DownloadAsync(ConsolePrincipals.Admin, id, default));
        Assert.Contains((await Originals(node).RequestedAsync()).Originals, o => o.Sha256 == Sha(original));
        Assert.Equal(small, await _hub.Attachments.ReadCompleteAsync(Sha(small)));
    }

    [Fact]
    public async Task Request_ByViewerOrForAFileWithoutOriginal_RefusedAndNothingAsked()
    {
        var scan = await WriteScanAsync(CommuneA, Bytes(10_000, seed: 8));
        var plain = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(plain, RecordTypes.Attachment, CommuneA, new Dictionary<string, string?>
        {
            ["file_name"] = JsonSerializer.Serialize("don.pdf"),
            ["sha256"] = JsonSerializer.Serialize(Sha(Bytes(10, seed: 9))),
        });
        using var node = _hub.Client(NodeA, KeyA);

        var byViewer = await Console.RequestAsync(ConsolePrincipals.Viewer, scan, default);
        var noOriginal = await Console.RequestAsync(ConsolePrincipals.Admin, plain, default);

        Assert.Equal("originals.error.admin", byViewer.ErrorKey);
        Assert.Equal("originals.error.none", noOriginal.ErrorKey);
        Assert.Empty((await Originals(node).RequestedAsync()).Originals);
        Assert.DoesNotContain(await Console.ListAsync(default), r => r.AttachmentId == plain);
    }

    private static OriginalsClient Originals(NodeClient node) => new(node.Sync);

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async IAsyncEnumerable<AttachmentChunk> ChunksOf(byte[] content, string sha, long from)
    {
        for (var offset = from; offset < content.Length; offset += Chunk)
        {
            await Task.Yield();
            var length = (int)Math.Min(Chunk, content.Length - offset);
            yield return new AttachmentChunk { Sha256 = sha, TotalSize = content.Length, Offset = offset, Data = ByteString.CopyFrom(content, (int)offset, length), ContentType = "image/png" };
        }
    }

    /// <summary>A scan's record as a node writes it: the small copy's hash, and its original's hash, size and type.</summary>
    private async Task<Guid> WriteScanAsync(string commune, byte[] original)
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Attachment, commune, new Dictionary<string, string?>
        {
            ["dossier_id"] = JsonSerializer.Serialize(Guid.CreateVersion7()),
            ["file_name"] = JsonSerializer.Serialize("giay-khai-sinh.webp"),
            ["content_type"] = JsonSerializer.Serialize("image/webp"),
            ["size"] = "5000",
            ["sha256"] = JsonSerializer.Serialize(Sha(Bytes(7, seed: original.Length))),
            ["original_sha256"] = JsonSerializer.Serialize(Sha(original)),
            ["original_size"] = original.Length.ToString(CultureInfo.InvariantCulture),
            ["original_content_type"] = JsonSerializer.Serialize("image/png"),
        });
        return id;
    }
}
