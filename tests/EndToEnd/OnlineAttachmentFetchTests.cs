using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.LinkEmulator;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// A scan a resident attaches to an online filing on the hub's public site reaches the commune's node, real hub and
/// edge processes: byte for byte, resumed after a cut through the link emulator, and refused while the hub's copy is
/// damaged.
/// </summary>
public sealed class OnlineAttachmentFetchTests
{
    private const string Cccd = "002078990001";
    private const int Size = 300_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OnlineFilingWithScan_NodeSyncs_NodeServesContentWithTheSameSha256()
    {
        await using var cluster = new SyncCluster();
        var site = await StartHubWithPublicSiteAsync(cluster);
        await cluster.StartEdgeAsync();
        var scan = Scan(1);

        var code = await FileOnlineAsync(site, scan);
        var attachment = await WaitForAttachmentRecordAsync(cluster, code);
        var content = await Eventually.WaitForAsync(() => ContentAsync(cluster.Edge, attachment), c => c is not null, Patience, cluster.Logs);

        Assert.Equal(Sha(scan), Sha(content!));
        var status = await cluster.Edge.GetJsonAsync("/api/status");
        Assert.Equal(1, status.GetProperty("blobsFetched").GetInt64());
        Assert.Equal(0, status.GetProperty("blobsPending").GetInt32());
    }

    [Fact]
    public async Task OnlineAttachment_LinkCutMidFetch_ResumesFromHeldBytes_Sha256Matches()
    {
        await using var cluster = new SyncCluster(1, link: SlowDownlink);
        var site = await StartHubWithPublicSiteAsync(cluster);
        await cluster.StartEdgeAsync();
        var logHead = (await cluster.HubStatsAsync()).GetProperty("logHead").GetInt64();
        await Eventually.WaitForAsync(() => cluster.Edge.GetJsonAsync("/api/status"), s => s.GetProperty("pullCursor").GetInt64() == logHead, Patience, cluster.Logs);
        // Filed while the node is down, so the records and the content come over the one connection the cut is armed for.
        await cluster.Edge.Process!.KillAsync();
        var scan = Scan(2);
        var code = await FileOnlineAsync(site, scan);
        cluster.Link.Stats.Reset();
        cluster.Link.Cuts = new SingleCut(FetchCutOffset);
        cluster.Link.DownAfterCut = true;

        await cluster.RestartEdgeAfterKillAsync();
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.Link.Stats.CutOffsets), cuts => cuts.Count > 0, Patience, cluster.Logs);
        Assert.False(cluster.Link.IsUp);
        var atCut = await cluster.Edge.GetJsonAsync("/api/status");
        var heldAtCut = atCut.GetProperty("blobBytesFetched").GetInt64();
        Assert.True(heldAtCut > 0 && heldAtCut < Size, $"the cut did not land inside the fetch: the node held {heldAtCut} of {Size} bytes; cut at [{string.Join(", ", cluster.Link.Stats.CutOffsets)}]");
        Assert.Equal(0, atCut.GetProperty("blobsFetched").GetInt64());

        cluster.Link.Stats.Reset();
        cluster.Link.SetUp(true);
        var done = await Eventually.WaitForAsync(() => cluster.Edge.GetJsonAsync("/api/status"), s => s.GetProperty("blobsFetched").GetInt64() == 1, Patience, cluster.Logs);
        var attachment = await WaitForAttachmentRecordAsync(cluster, code);

        Assert.Equal(Sha(scan), Sha((await ContentAsync(cluster.Edge, attachment))!));
        // Resumed from the bytes held: each byte of the content crossed once, and after the cut only what was missing came down.
        Assert.Equal(Size, done.GetProperty("blobBytesFetched").GetInt64());
        Assert.InRange(cluster.Link.Stats.BytesDown, Size - heldAtCut, Size - heldAtCut + ResumeOverheadBytes);
    }

    [Fact]
    public async Task OnlineAttachment_HubCopyAltered_RefusedNotServedErrorInStatus_ThenFetchedOnceRepaired()
    {
        await using var cluster = new SyncCluster(1, new Dictionary<string, string> { ["Sync:AttachmentFetch:RetryMinutes"] = "0" });
        var site = await StartHubWithPublicSiteAsync(cluster);
        var scan = Scan(3);
        var code = await FileOnlineAsync(site, scan);
        var altered = (byte[])scan.Clone();
        altered[Size / 2] ^= 0x5A;
        SetHubContent(cluster, Sha(scan), altered);

        await cluster.StartEdgeAsync();
        var refused = await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("fetchError").ValueKind == JsonValueKind.String && s.GetProperty("fetchError").GetString()!.Contains("SHA-256", StringComparison.Ordinal),
            Patience,
            cluster.Logs);
        var attachment = await WaitForAttachmentRecordAsync(cluster, code);

        Assert.Null(await ContentAsync(cluster.Edge, attachment));
        Assert.Equal(1, refused.GetProperty("blobsToFetch").GetInt32());
        Assert.Equal(0, refused.GetProperty("blobsFetched").GetInt64());

        SetHubContent(cluster, Sha(scan), scan);
        await Eventually.WaitForAsync(() => ContentAsync(cluster.Edge, attachment), c => c is not null, Patience, cluster.Logs);
        Assert.Equal(Sha(scan), Sha((await ContentAsync(cluster.Edge, attachment))!));
    }

    /// <summary>Past the handshake and the two records, inside the third or fourth 64 KiB piece.</summary>
    private const long FetchCutOffset = 200_000;

    /// <summary>1 Mbit/s down: a piece takes half a second, so the node has committed the first ones when the cut comes.</summary>
    private static readonly LinkProfile SlowDownlink = new("1M-down", 1_000_000, LinkProfile.Unlimited, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Handshakes, pulls of later rounds, HTTP/2 and gRPC framing after the link is back: well under one 64 KiB piece.</summary>
    private const long ResumeOverheadBytes = 16 * 1024;

    private static async Task<Uri> StartHubWithPublicSiteAsync(SyncCluster cluster)
    {
        var site = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}/");
        await cluster.StartHubAsync(new Dictionary<string, string> { ["Hub:PublicUrls"] = site.ToString().TrimEnd('/') });
        return site;
    }

    private static byte[] Scan(int seed)
    {
        var bytes = new byte[Size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Files a birth registration with one scan through the public site's form, as a phone posts it; returns the public code.</summary>
    private static async Task<string> FileOnlineAsync(Uri site, byte[] scan)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SyncCluster.CommuneCode), "commune" },
            { new StringContent("Sùng Mí Chứ"), "applicant_name" },
            { new StringContent(Cccd), "filer_cccd" },
        };
        foreach (var (key, value) in EdgeNode.BirthAnswers)
        {
            form.Add(new StringContent(value), "a:" + key);
        }

        var file = new ByteArrayContent(scan);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "files", "giay-chung-sinh.jpg");
        using var response = await http.PostAsync(new Uri("/file/hotich.khaisinh", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"filing refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString["/filed/".Length..];
    }

    /// <summary>The filed dossier on the node (found by its public code), and the id of the one attachment it carries.</summary>
    private static async Task<Guid> WaitForAttachmentRecordAsync(SyncCluster cluster, string code)
    {
        var dossiers = await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/dossiers"),
            d => d.EnumerateArray().Any(x => x.TryGetProperty("publicCode", out var c) && c.GetString() == code),
            Patience,
            cluster.Logs);
        var id = dossiers.EnumerateArray().Single(x => x.GetProperty("publicCode").GetString() == code).GetProperty("id").GetGuid();
        var attachments = await Eventually.WaitForAsync(() => cluster.Edge.GetJsonAsync($"/api/dossiers/{id}/attachments"), a => a.GetArrayLength() == 1, Patience, cluster.Logs);
        return attachments[0].GetProperty("id").GetGuid();
    }

    /// <summary>The content as the node serves it to the desk, or null while it does not hold it.</summary>
    private static async Task<byte[]?> ContentAsync(EdgeNode edge, Guid attachment)
    {
        using var response = await edge.Http.GetAsync(edge.Api($"/api/attachments/{attachment}/content"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
    }

    /// <summary>Rewrites the hub's stored copy behind its back (a damaged disk, a tampered file).</summary>
    private static void SetHubContent(SyncCluster cluster, string sha, byte[] content)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.HubDataDirectory, "hub.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // In clear, as a hub before sealing kept it: damage the hub's seal cannot see, so the node's SHA-256 check must.
        command.CommandText = "DELETE FROM attachment_sealed_chunks WHERE sha256 = $sha; DELETE FROM attachment_chunks WHERE sha256 = $sha; INSERT INTO attachment_chunks (sha256, offset, data) VALUES ($sha, 0, $data)";
        command.Parameters.AddWithValue("$data", content);
        command.Parameters.AddWithValue("$sha", sha);
        Assert.True(command.ExecuteNonQuery() > 1, "the hub held no content to replace");
    }
}
