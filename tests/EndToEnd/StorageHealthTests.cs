using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace OneStop.EndToEnd.Tests;

/// <summary>Storage health with real processes and real files: a database damaged on disk, a disk that is really full.</summary>
public sealed class StorageHealthTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DamagedDatabase_NoticedAtNextStart_RefusesWrites_RecoverStoreKeepsAndHubReturnsTheRest()
    {
        const int PerNode = 60;
        await using var cluster = new SyncCluster(2);
        await cluster.StartHubAsync();
        await cluster.StartEdgesAsync();
        var (a, b) = (cluster.Edges[0], cluster.Edges[1]);
        for (var i = 0; i < PerNode; i++)
        {
            await a.CreateDossierAsync($"Nút A {i:D3}");
            await b.CreateDossierAsync($"Nút B {i:D3}");
        }

        // Both nodes synced: the hub acknowledged A's dossiers and A holds B's, pulled from the hub.
        var all = await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, ids => ids.Count == 2 * PerNode, Patience, cluster.Logs);
        await Eventually.WaitForAsync(() => cluster.HubAckedAsync(a.NodeId), acked => acked == PerNode, Patience, cluster.Logs);
        await a.RequestSyncAsync();
        await Eventually.WaitForAsync(() => DossierIdsAsync(a), ids => ids.Count == 2 * PerNode, Patience, cluster.Logs);

        // A stops; bit rot takes several pages of its records table.
        await a.Process!.KillAsync();
        var database = Path.Combine(a.DataDirectory, "edge.db");
        await SqliteDamage.CheckpointAsync(database);
        var leaves = await SqliteDamage.LeafPagesOfAsync(database, "records");
        SqliteDamage.OverwritePages(database, leaves.Where((_, i) => i % 3 == 1), seed: 20);

        // The next start notices it, says so as a device, and refuses writes in words.
        await cluster.RestartEdgeAfterKillAsync();
        var storage = StorageDevice(await a.GetJsonAsync("/api/status"));
        Assert.Equal("corrupt", storage.GetProperty("details").GetProperty("integrity").GetString());
        using (var refused = await a.Http.PostAsJsonAsync(a.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Không lưu được", form = EdgeNode.BirthAnswers }))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("storage_corrupt", problem.GetProperty("code").GetString());
            Assert.Contains("bị hỏng", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        // The fleet view shows it too (the storage device travels in Hello).
        await Eventually.WaitForAsync(() => HubStorageDeviceAsync(cluster, a.NodeId), d => d?.GetProperty("details").GetProperty("integrity").GetString() == "corrupt", Patience, cluster.Logs);

        // Recovery with the node stopped, by the host's own command.
        await a.Process!.KillAsync();
        var (exit, output) = await RunEdgeCommandAsync("recover-store", a);
        Assert.True(exit == 0, output);
        var salvaged = await DossierIdsInFileAsync(database);
        Assert.True(salvaged.Count < 2 * PerNode, $"the damaged pages held no dossier ({salvaged.Count} kept)");
        log.WriteLine($"{leaves.Count / 3} of {leaves.Count} record pages overwritten; the salvage kept {salvaged.Count} of {2 * PerNode} dossiers, "
            + $"{salvaged.Count(all.Contains)} of them A's or B's as acknowledged by the hub.\n{output}");
        Assert.Single(Directory.GetFiles(a.DataDirectory, "edge-damaged-*.db"));

        // Back up: the store checks clean, writes work, and the hub brings back what the salvage could not keep.
        await cluster.RestartEdgeAfterKillAsync();
        storage = StorageDevice(await a.GetJsonAsync("/api/status"));
        Assert.Equal("ok", storage.GetProperty("details").GetProperty("integrity").GetString());
        var back = await Eventually.WaitForAsync(() => DossierIdsAsync(a), ids => ids.Count >= 2 * PerNode, Patience, cluster.Logs);
        Assert.True(back.SetEquals(all), "the node holds exactly the dossiers the hub acknowledged");
        var after = await a.CreateDossierAsync("Sau khi khôi phục");
        await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, ids => ids.Contains(after), Patience, cluster.Logs);
        var fleet = await Eventually.WaitForAsync(() => HubStorageDeviceAsync(cluster, a.NodeId), d => d?.GetProperty("details").GetProperty("integrity").GetString() == "ok", Patience, cluster.Logs);
        Assert.True(long.Parse(fleet!.Value.GetProperty("details").GetProperty("free_bytes").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [RootFact]
    public async Task FullDisk_WarnedBefore_RefusedInWords_WritesResumeWhenFreed()
    {
        var mount = Directory.CreateTempSubdirectory("onestop-tmpfs-").FullName;
        // Owned by the user running the suite, so a non-root CI runner (mounting through sudo) can fill it too.
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size=24m,uid={UserId()},gid={GroupId()}", "tmpfs", mount);
        try
        {
            await using var cluster = new SyncCluster(1, new Dictionary<string, string>
            {
                ["Edge:DataDirectory"] = Path.Combine(mount, "edge"),
                ["StoreHealth:PollSeconds"] = "1",
                ["StoreHealth:WarningFreeBytes"] = (12L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["StoreHealth:WarningFreePercent"] = "0",
                ["StoreHealth:CriticalFreeBytes"] = (1L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await cluster.StartEdgeAsync();
            var edge = cluster.Edge;
            var id = await edge.CreateDossierAsync("Lý Thị Mai");
            await WaitForSpaceAsync(cluster, "ok");

            // Warned well before it is full.
            var filler = Path.Combine(mount, "filler");
            await FillAsync(filler, new DriveInfo(mount).AvailableFreeSpace - (8L << 20));
            await WaitForSpaceAsync(cluster, "low");

            // Full: a 4 MB scan cannot be stored, and the API says so in words.
            await FillAsync(filler + "-2", long.MaxValue);
            using (var refused = await AttachAsync(edge, id, 4 << 20))
            {
                Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("storage_full", problem.GetProperty("code").GetString());
                Assert.Contains("đầy", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            }

            await WaitForSpaceAsync(cluster, "full");

            // Space freed: the same write goes through, without a restart.
            File.Delete(filler);
            File.Delete(filler + "-2");
            using (var accepted = await AttachAsync(edge, id, 4 << 20))
            {
                Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
            }

            await WaitForSpaceAsync(cluster, "ok");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await RunAsync("umount", "-l", mount);
            Directory.Delete(mount);
        }
    }

    private static JsonElement StorageDevice(JsonElement status) =>
        status.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "storage");

    private static async Task<JsonElement?> HubStorageDeviceAsync(SyncCluster cluster, string nodeId)
    {
        var nodes = await cluster.HubJsonAsync("/api/nodes");
        var node = nodes.EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == nodeId);
        return node.TryGetProperty("devices", out var devices) && devices.ValueKind == JsonValueKind.Array
            ? devices.EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "storage").Select(d => (JsonElement?)d).FirstOrDefault()
            : null;
    }

    private static async Task<HashSet<Guid>> DossierIdsAsync(EdgeNode node) =>
        [.. (await node.GetJsonAsync("/api/dossiers")).EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];

    private static async Task<HashSet<Guid>> DossierIdsInFileAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM records WHERE type = 'dossier'";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static async Task WaitForSpaceAsync(SyncCluster cluster, string level) =>
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => StorageDevice(s).GetProperty("details").GetProperty("space").GetString() == level,
            Patience,
            cluster.Logs);

    private static async Task<HttpResponseMessage> AttachAsync(EdgeNode edge, Guid dossier, int bytes)
    {
        var scan = new byte[bytes];
        new Random(bytes).NextBytes(scan);
        using var content = new ByteArrayContent(scan);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var request = new HttpRequestMessage(HttpMethod.Post, edge.Api($"/api/dossiers/{dossier}/attachments")) { Content = content };
        request.Headers.Add("X-File-Name", "ban-quet.jpg");
        return await edge.Http.SendAsync(request);
    }

    /// <summary>Writes up to <paramref name="bytes"/> into a file, stopping quietly when the disk is full.</summary>
    private static async Task FillAsync(string path, long bytes)
    {
        var block = new byte[1 << 20];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        try
        {
            for (long written = 0; written < bytes; written += block.Length)
            {
                await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, bytes - written)));
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // ENOSPC: that is the point.
        }
    }

    private static async Task<(int Exit, string Output)> RunEdgeCommandAsync(string verb, EdgeNode node)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.HostDll("edge-node", "OneStop.Edge"));
        info.ArgumentList.Add(verb);
        info.Environment["Edge__DataDirectory"] = node.DataDirectory;
        info.Environment["Edge__NodeId"] = node.NodeId;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string UserId() => RunId("-u");

    private static string GroupId() => RunId("-g");

    private static string RunId(string which)
    {
        using var process = Process.Start(new ProcessStartInfo("id", which) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    /// <summary>Runs a mount command as root: directly when the suite is root, else through passwordless sudo (CI runners).</summary>
    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.IsPrivilegedProcess ? file : "sudo") { RedirectStandardError = true, UseShellExecute = false };
        if (!Environment.IsPrivilegedProcess)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add(file);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {error}");
    }
}
