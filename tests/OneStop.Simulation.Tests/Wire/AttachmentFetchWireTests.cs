using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Edge;
using OneStop.Edge.Attachments;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Protocol;
using OneStop.Storage;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>
/// Attachments filed online travel hub -> node: the real hub service in process, the real <see cref="SyncRound"/>
/// and <see cref="AttachmentFetcher"/> on a real edge store. The hub side is seeded the way the public site files
/// (record written as the hub, whole file stored as one chunk).
/// </summary>
public sealed class AttachmentFetchWireTests : IAsyncLifetime
{
    private static readonly SimNodeIdentity NodeA = new("node-a", "03006", "key-a");
    private static readonly SimNodeIdentity NodeB = new("node-b", "03445", "key-b");
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-fetch-wire-").FullName;
    private InProcessHub _hub = null!;

    public async Task InitializeAsync() =>
        _hub = await InProcessHub.StartAsync(Path.Combine(_root, "hub"), [NodeA, NodeB], TimeProvider.System, new FaultLedger());

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task SyncRound_OnlineFilingWithAttachment_NodeHoldsContentWithSameSha256AndNeverUploadsItBack()
    {
        var content = Scan(300_000, seed: 1);
        var (attachmentId, sha) = await FileOnlineAtHubAsync(NodeA.Commune, content);
        await using var node = await FetchingNode.OpenAsync(_hub, NodeA, Path.Combine(_root, "a.db"));

        await node.SyncAsync();

        var held = await node.Blobs.ReadAsync(sha);
        Assert.NotNull(held);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), Convert.ToHexStringLower(SHA256.HashData(held)));
        var read = await node.Attachments.ReadAsync(attachmentId);
        Assert.Equal(content, read!.Value.Content);
        Assert.Empty(await node.Blobs.ListPendingAsync());
        Assert.Equal(1, node.Status.Current.BlobsFetched);
        Assert.Equal(content.Length, node.Status.Current.BlobBytesFetched);
        Assert.Equal((0, (string?)null), await node.Queue.ReadStateAsync());
    }

    [Fact]
    public async Task SyncRound_ByteBoundPerRound_ResumesFromHeldBytesAndFetchesEachByteOnce()
    {
        const int Size = 300_000;
        var content = Scan(Size, seed: 2);
        var (_, sha) = await FileOnlineAtHubAsync(NodeA.Commune, content);
        await using var node = await FetchingNode.OpenAsync(_hub, NodeA, Path.Combine(_root, "a.db"), new AttachmentFetchOptions { MaxBytesPerRound = 100_000 });

        var more = await node.SyncAsync();
        var afterFirst = node.Status.Current.BlobBytesFetched;
        var rounds = 1;
        while (more && rounds < 10)
        {
            Assert.Null(await node.Blobs.ReadAsync(sha));
            more = await node.SyncAsync();
            rounds++;
        }

        // Two 64 KiB pieces pass the 100,000-byte bound; the rest comes over the next rounds, each from where the last stopped.
        Assert.Equal(2 * AttachmentFetchClient.MaxPieceBytes, afterFirst);
        Assert.Equal(3, rounds);
        Assert.Equal(content, await node.Blobs.ReadAsync(sha));
        Assert.Equal(Size, node.Status.Current.BlobBytesFetched);
    }

    [Fact]
    public async Task SyncRound_HubContentAltered_RefusedNotVisibleErrorInStatus_ThenFetchedOnceRepaired()
    {
        var content = Scan(150_000, seed: 3);
        var (attachmentId, sha) = await FileOnlineAtHubAsync(NodeA.Commune, content);
        var altered = (byte[])content.Clone();
        altered[70_000] ^= 0xFF;
        await SetHubContentAsync(sha, altered);
        await using var node = await FetchingNode.OpenAsync(_hub, NodeA, Path.Combine(_root, "a.db"), new AttachmentFetchOptions { RetryMinutes = 0 });

        await node.SyncAsync();

        Assert.Null(await node.Blobs.ReadAsync(sha));
        Assert.Null(await node.Attachments.ReadAsync(attachmentId));
        var (waiting, error) = await node.Queue.ReadStateAsync();
        Assert.Equal(1, waiting);
        Assert.Contains("SHA-256", error, StringComparison.Ordinal);
        Assert.Contains("SHA-256", node.Status.Current.LastFetchError, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(await node.Queue.ListDueAsync()).Held);

        await SetHubContentAsync(sha, content);
        await node.SyncAsync();

        Assert.Equal(content, await node.Blobs.ReadAsync(sha));
        Assert.Equal((0, (string?)null), await node.Queue.ReadStateAsync());
    }

    [Fact]
    public async Task SyncRound_HubSealedChunkAltered_HubRefusesDataLossNodeHoldsNothing_ThenFetchedOnceRepaired()
    {
        var content = Scan(150_000, seed: 6);
        var (attachmentId, sha) = await FileOnlineAtHubAsync(NodeA.Commune, content);
        var stored = await SealedChunkAsync(sha, AttachmentChunkTable.SegmentBytes, null);
        var altered = (byte[])stored.Clone();
        altered[100] ^= 0x01;
        await SealedChunkAsync(sha, AttachmentChunkTable.SegmentBytes, altered);
        await using var node = await FetchingNode.OpenAsync(_hub, NodeA, Path.Combine(_root, "a.db"), new AttachmentFetchOptions { RetryMinutes = 0 });

        await node.SyncAsync();

        Assert.Null(await node.Blobs.ReadAsync(sha));
        Assert.Null(await node.Attachments.ReadAsync(attachmentId));
        Assert.Contains("DataLoss", node.Status.Current.LastFetchError, StringComparison.Ordinal);
        // What came before the damaged chunk is held; nothing past it was served.
        Assert.True(Assert.Single(await node.Queue.ListDueAsync()).Held <= AttachmentChunkTable.SegmentBytes);

        await SealedChunkAsync(sha, AttachmentChunkTable.SegmentBytes, stored);
        await node.SyncAsync();

        Assert.Equal(content, await node.Blobs.ReadAsync(sha));
    }

    [Fact]
    public async Task SyncRound_OtherCommunesFiling_NotPulledNotFetched_AndDirectFetchRefused()
    {
        var content = Scan(10_000, seed: 4);
        var (attachmentId, sha) = await FileOnlineAtHubAsync(NodeA.Commune, content);
        await using var node = await FetchingNode.OpenAsync(_hub, NodeB, Path.Combine(_root, "b.db"));

        await node.SyncAsync();
        var refusal = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
        {
            await foreach (var piece in node.Client.FetchAsync(attachmentId, 0))
            {
                Assert.Fail($"a piece of {piece.Data.Length} bytes reached another commune's node");
            }
        });

        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.False(await node.Blobs.HoldsAsync(sha));
        Assert.Null(await node.Store.GetAsync(attachmentId));
        Assert.Equal(0, node.Status.Current.BlobBytesFetched);
    }

    private static byte[] Scan(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task<(Guid AttachmentId, string Sha)> FileOnlineAtHubAsync(string commune, byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await _hub.Attachments.AppendAsync(sha, content.LongLength, 0, content, "image/jpeg");
        var dossierId = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(dossierId, RecordTypes.Dossier, commune, new Dictionary<string, string?>
        {
            [DossierFields.ApplicantName] = JsonSerializer.Serialize("Giàng Thị Pà"),
            [DossierFields.Status] = JsonSerializer.Serialize("draft"),
            [DossierFields.Channel] = JsonSerializer.Serialize("online"),
        });
        var attachmentId = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(attachmentId, RecordTypes.Attachment, commune, new Dictionary<string, string?>
        {
            ["dossier_id"] = JsonSerializer.Serialize(dossierId),
            ["file_name"] = JsonSerializer.Serialize("giay-chung-sinh.jpg"),
            ["content_type"] = JsonSerializer.Serialize("image/jpeg"),
            ["size"] = content.LongLength.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = JsonSerializer.Serialize(sha),
        });
        return (attachmentId, sha);
    }

    /// <summary>The hub's sealed chunk of <paramref name="sha"/> at <paramref name="offset"/>, first replaced by <paramref name="replacement"/> when given.</summary>
    private async Task<byte[]> SealedChunkAsync(string sha, long offset, byte[]? replacement)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "hub", "hub.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = replacement is null
            ? "SELECT data FROM attachment_sealed_chunks WHERE sha256 = $sha AND offset = $offset"
            : "UPDATE attachment_sealed_chunks SET data = $data WHERE sha256 = $sha AND offset = $offset RETURNING data";
        command.Parameters.AddWithValue("$sha", sha);
        command.Parameters.AddWithValue("$offset", offset);
        command.Parameters.AddWithValue("$data", (object?)replacement ?? DBNull.Value);
        return Assert.IsType<byte[]>(await command.ExecuteScalarAsync());
    }

    /// <summary>Rewrites the stored chunk behind the hub's back, as a damaged disk or a tampered file would.</summary>
    private async Task SetHubContentAsync(string sha, byte[] content)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "hub", "hub.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // In clear, as a hub before sealing kept it: damage the hub's seal cannot see, so the node's SHA-256 check must.
        command.CommandText = "DELETE FROM attachment_sealed_chunks WHERE sha256 = $sha; DELETE FROM attachment_chunks WHERE sha256 = $sha; INSERT INTO attachment_chunks (sha256, offset, data) VALUES ($sha, 0, $data)";
        command.Parameters.AddWithValue("$data", content);
        command.Parameters.AddWithValue("$sha", sha);
        Assert.True(await command.ExecuteNonQueryAsync() > 1, "the hub held no content to replace");
    }

    /// <summary>An edge node's store, its sync round and its attachment fetcher over one channel to the in-process hub.</summary>
    private sealed class FetchingNode : IAsyncDisposable
    {
        private GrpcChannel _channel = null!;
        private SyncRound _round = null!;
        private AttachmentFetcher _fetcher = null!;

        public EdgeStore Store { get; private set; } = null!;

        public BlobStore Blobs { get; private set; } = null!;

        public AttachmentFetchQueue Queue { get; private set; } = null!;

        public AttachmentService Attachments { get; private set; } = null!;

        public SyncStatus Status { get; } = new();

        public AttachmentFetchClient Client { get; private set; } = null!;

        public static async Task<FetchingNode> OpenAsync(InProcessHub hub, SimNodeIdentity identity, string path, AttachmentFetchOptions? fetch = null)
        {
            var node = new FetchingNode();
            var time = TimeProvider.System;
            var database = new SqliteDatabase(path);
            node.Store = new EdgeStore(database, identity.NodeId);
            await node.Store.InitialiseAsync(time);
            await node.Store.BindIncarnationAsync("sim-machine-" + identity.NodeId, time);
            node.Blobs = new BlobStore(database, time);
            node.Queue = new AttachmentFetchQueue(database, node.Store, node.Blobs, time);
            var edge = new EdgeOptions { NodeId = identity.NodeId, CommuneCode = identity.Commune };
            var sync = new SyncOptions { NodeKey = identity.Key };
            node.Attachments = new AttachmentService(node.Store, node.Blobs, null!, Options.Create(edge), time);
            node._channel = GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { HttpHandler = hub.CreateHandler(), DisposeHttpClient = true });
            var settings = new SyncCallSettings { NodeId = identity.NodeId, NodeKey = identity.Key };
            node.Client = new AttachmentFetchClient(node._channel, settings);
            node._round = new SyncRound(node.Store, node.Blobs, new SyncClient(node._channel, settings), sync, edge, node.Status, new DeviceHealthBoard(), time, new SyncQuarantine(database));
            node._fetcher = new AttachmentFetcher(node.Queue, node.Blobs, node.Status, Options.Create(fetch ?? new AttachmentFetchOptions()), Options.Create(edge), Options.Create(sync), time, NullLogger<AttachmentFetcher>.Instance);
            return node;
        }

        /// <summary>What the sync agent does per round: the round, then the fetcher within its bounds. True: more is due.</summary>
        public async Task<bool> SyncAsync()
        {
            await _round.RunAsync(CancellationToken.None);
            return await _fetcher.RunAsync(_channel, CancellationToken.None);
        }

        public ValueTask DisposeAsync()
        {
            _channel.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
