using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using OneStop.LinkEmulator;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// The link breaks at a fixed byte offset inside a transfer (a push, a pull reply, an attachment chunk) and
/// stays down, so the test reads what the cut left half done; then it comes back and the node must finish
/// from where the other side acknowledged: exact ids, log head and content, and no transfer started over.
/// </summary>
public sealed class MidTransferCutTests
{
    private const int Dossiers = 200;
    private const int BatchEntries = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> SmallBatches = new() { ["Sync:MaxBatchEntries"] = BatchEntries.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task PushCutAtFixedOffset_ResumesFromHubAck_ExactIdsAndLogHead(int pushesInFlight)
    {
        // The audit's push after the records: beside them its 200 entries shared the 16 kB/s uplink, and a cut at a
        // fixed offset landed before the hub's first ack when HTTP/2 gave the audit the first kilobytes (CI, 2 Dec).
        var settings = new Dictionary<string, string>(SmallBatches)
        {
            ["Sync:MaxPushesInFlight"] = pushesInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sync:AuditBesideRecords"] = "false",
        };
        await using var cluster = new SyncCluster(1, settings, PushUplink);
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        await WaitForCatalogueAsync(cluster, cluster.Edge);
        await cluster.StopHubAsync();
        var created = await CreateDossiersAsync(cluster.Edge, Dossiers);
        Arm(cluster.Link, PushCutOffset);

        await cluster.StartHubAsync();
        await WaitForCutAsync(cluster);
        var ackedAtCut = await cluster.HubAckedAsync();
        var pushedAtCut = (await cluster.Edge.GetJsonAsync("/api/status")).GetProperty("pushed").GetInt64();
        Assert.True(ackedAtCut > 0 && ackedAtCut < Dossiers, $"the cut did not land inside the push: hub acked {ackedAtCut} of {Dossiers}; {Describe(cluster.Link)}");

        cluster.Link.SetUp(true);
        var status = await WaitForBacklogAsync(cluster.Edge, cluster);
        var ids = await cluster.HubDossierIdsAsync();
        var stats = await cluster.HubStatsAsync();

        Assert.True(created.SetEquals(ids) && ids.Count == Dossiers, $"the hub holds {ids.Count} dossiers, not exactly the {Dossiers} created");
        Assert.Equal(stats.GetProperty("procedures").GetInt64() + Dossiers, stats.GetProperty("logHead").GetInt64());
        Assert.Equal(Dossiers, await cluster.HubAckedAsync());
        // Resumed from the hub's ack: what the node sent after the cut is what the hub lacked at the cut, less the
        // batches in flight, which the hub may have committed before the reset reached it, plus the batches the hub
        // acknowledged in replies the cut swallowed (the node resends those from its own ack, compared by digest).
        var pushedAfterCut = status.GetProperty("pushed").GetInt64() - pushedAtCut;
        var lacked = Dossiers - ackedAtCut;
        Assert.True(
            pushedAfterCut >= lacked - (pushesInFlight * BatchEntries) && pushedAfterCut <= lacked + ((pushesInFlight - 1) * BatchEntries),
            $"pushed {pushedAfterCut} after the cut; the hub lacked {lacked} at the cut; {Describe(cluster.Link)}");
    }

    [Fact]
    public async Task PullReplyCutAtFixedOffset_ResumesFromPullCursor_NothingPulledTwice()
    {
        await using var cluster = new SyncCluster(2, SmallBatches, SlowDownlink);
        var (writer, reader) = (cluster.Edges[0], cluster.Edges[1]);
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync(reader);
        await WaitForCatalogueAsync(cluster, reader);
        await reader.Process!.KillAsync();
        await cluster.StartEdgeAsync(writer);
        var created = await CreateDossiersAsync(writer, Dossiers);
        await WaitForBacklogAsync(writer, cluster);
        await writer.Process!.KillAsync();
        Arm(cluster.Link, PullCutOffset);

        await cluster.RestartEdgeAfterKillAsync(reader);
        await WaitForCutAsync(cluster);
        var atCut = await reader.GetJsonAsync("/api/status");
        var heldAtCut = (await reader.GetJsonAsync("/api/dossiers")).GetArrayLength();
        Assert.True(heldAtCut > 0 && heldAtCut < Dossiers, $"the cut did not land inside the pull: the node held {heldAtCut} of {Dossiers}; {Describe(cluster.Link)}");

        cluster.Link.SetUp(true);
        var logHead = (await cluster.HubStatsAsync()).GetProperty("logHead").GetInt64();
        var done = await Eventually.WaitForAsync(
            () => reader.GetJsonAsync("/api/status"), s => s.GetProperty("pullCursor").GetInt64() == logHead, Patience, cluster.Logs);
        var held = await reader.GetJsonAsync("/api/dossiers");

        Assert.True(created.SetEquals(held.EnumerateArray().Select(d => d.GetProperty("id").GetGuid())) && held.GetArrayLength() == Dossiers, $"the node holds {held.GetArrayLength()} dossiers, not exactly the {Dossiers} created");
        // Every entry in the hub's log is in this node's scope, so resuming from the cursor pulls each exactly once.
        Assert.Equal(logHead - atCut.GetProperty("pullCursor").GetInt64(), done.GetProperty("pulled").GetInt64() - atCut.GetProperty("pulled").GetInt64());
    }

    [Fact]
    public async Task AttachmentChunkCutAtFixedOffset_ResumesFromHubsBytes_Sha256Matches()
    {
        const int Size = 300_000;
        await using var cluster = new SyncCluster(1, link: SlowUplink);
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Vàng Thị Dợ");
        var scan = new byte[Size];
        new Random(11).NextBytes(scan);
        var sha = Convert.ToHexStringLower(SHA256.HashData(scan));
        using (var content = new ByteArrayContent(scan))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var added = await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{dossier}/attachments"), content);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        Arm(cluster.Link, AttachmentCutOffset);
        await cluster.StartHubAsync();
        await WaitForCutAsync(cluster);
        var atCut = await cluster.HubJsonAsync($"/api/attachments/{sha}");
        var receivedAtCut = atCut.GetProperty("received").GetInt64();
        Assert.True(receivedAtCut > 0 && receivedAtCut < Size && !atCut.GetProperty("complete").GetBoolean(), $"the cut did not land inside the upload: the hub held {receivedAtCut} of {Size} bytes; {Describe(cluster.Link)}");

        cluster.Link.Stats.Reset();
        cluster.Link.SetUp(true);
        await Eventually.WaitForAsync(() => cluster.HubJsonAsync($"/api/attachments/{sha}"), s => s.GetProperty("complete").GetBoolean(), Patience, cluster.Logs);

        Assert.Equal(sha, await HubContentSha256Async(cluster, sha));
        Assert.Equal(dossier, Assert.Single(await cluster.HubDossierIdsAsync()));
        // Resumed from what the hub held: only the missing bytes went up again (plus frames and a handshake),
        // far less than the chunks the hub already had.
        Assert.InRange(cluster.Link.Stats.BytesUp, Size - receivedAtCut, Size - receivedAtCut + ResumeOverheadBytes);
    }

    // Offsets count both directions of the node's one HTTP/2 connection. The node has the catalogue before the cut
    // connection opens, so only the transfer under test is large on it. Measured (December 2026): 200 dossiers
    // are about 20 KB pulled and about 45 KB pushed in batches of 10 (2.2 KB each, the audit's push after them);
    // the catalogue about 30 KB pulled.

    /// <summary>
    /// About half way through the pushed batches, and past four batches in flight plus the Hello: at 11,000 the node
    /// could have sent its whole window before the just-restarted hub's first ack came back, and a loaded CI run cut
    /// there with nothing acknowledged (2 Dec); beyond the window the node sends only after acks.
    /// </summary>
    private const long PushCutOffset = 25_000;

    /// <summary>Past the handshake, about half way through the pulled dossiers.</summary>
    private const long PullCutOffset = 11_000;

    /// <summary>Past the catalogue and the records, half way through the third 64 KiB chunk.</summary>
    private const long AttachmentCutOffset = 195_000;

    /// <summary>
    /// 128 kbit/s down (a fringe 2G cell): replies arrive tens of milliseconds apart, so the node has applied the
    /// first ones when the cut comes (at loopback speed the whole stream, and the reset, can overtake its writes).
    /// </summary>
    private static readonly LinkProfile SlowDownlink = new("128k-down", 128_000, LinkProfile.Unlimited, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// 1 Mbit/s up: a chunk takes half a second to cross, so the hub has committed the first two when the
    /// third is cut, however busy the machine (on an unlimited link the reset can overtake its commits).
    /// </summary>
    private static readonly LinkProfile SlowUplink = new("1M-up", LinkProfile.Unlimited, 1_000_000, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// 16 kbit/s up (a weak 2G uplink): a 10-dossier batch takes about half a second to cross, so with several
    /// batches in flight the hub has committed the first ones when the cut comes, five seconds in, even on a
    /// loaded machine (at loopback speed a pipelined node had its whole window on the wire before the hub
    /// committed anything, and the reset cancelled it all; at 64 kbit/s that still happened at load 100).
    /// </summary>
    private static readonly LinkProfile PushUplink = new("16k-up", LinkProfile.Unlimited, 16_000, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Handshake, HTTP/2 and gRPC framing of a resumed upload: well under the smallest head start (one 64 KiB chunk).</summary>
    private const long ResumeOverheadBytes = 16 * 1024;

    private static void Arm(LinkProxy link, long offset)
    {
        link.Stats.Reset();
        link.Cuts = new SingleCut(offset);
        link.DownAfterCut = true;
    }

    private static async Task<HashSet<Guid>> CreateDossiersAsync(EdgeNode edge, int count)
    {
        var created = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await edge.CreateDossierAsync($"Người nộp {i:D3}"));
        }

        return created;
    }

    /// <summary>The emulator's own record that it broke a connection: proof the cut happened, and where.</summary>
    private static async Task WaitForCutAsync(SyncCluster cluster)
    {
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.Link.Stats.CutOffsets), cuts => cuts.Count > 0, Patience, cluster.Logs);
        Assert.False(cluster.Link.IsUp);
    }

    /// <summary>The node's first pull is done: it holds everything in the hub's log (the catalogue).</summary>
    private static async Task WaitForCatalogueAsync(SyncCluster cluster, EdgeNode edge)
    {
        var logHead = (await cluster.HubStatsAsync()).GetProperty("logHead").GetInt64();
        await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("pullCursor").GetInt64() == logHead, Patience, cluster.Logs);
    }

    private static Task<JsonElement> WaitForBacklogAsync(EdgeNode edge, SyncCluster cluster) =>
        Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);

    private static string Describe(LinkProxy link) =>
        $"cut at [{string.Join(", ", link.Stats.CutOffsets)}], {link.Stats.BytesUp} bytes up, {link.Stats.BytesDown} down";

    /// <summary>
    /// SHA-256 of the content as the hub stored it, read from its database with its province key (the chunks are sealed
    /// there) rather than through its API, and checked to hold no chunk in clear.
    /// </summary>
    private static async Task<string> HubContentSha256Async(SyncCluster cluster, string sha)
    {
        Assert.Empty(HubDatabase.Query(cluster, "SELECT offset FROM attachment_chunks WHERE sha256 = $sha", r => r.GetInt64(0), ("$sha", sha)));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cluster.HubDatabase};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        OneStop.Storage.RecordSealing.Attach(connection, SealingKeys.Beside(cluster.HubDataDirectory));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in OneStop.Storage.AttachmentChunkTable.ReadAllAsync(connection, null, sha))
        {
            hash.AppendData(chunk);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
