using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Issue 22 with real processes: the hub restored from a backup taken before some of the commune's work, one
/// node gone for good. Nodes notice their cursors are not from the restored log, re-pull, and repair gives the
/// hub back what only the nodes still hold.
/// </summary>
public sealed class HubRestoreTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HubRestoredFromBackup_NodeGone_EveryReplicaEndsWithAll15DossiersOnce()
    {
        await using var cluster = new SyncCluster(edges: 3);
        var backup = Path.Combine(cluster.HubDataDirectory, "..", "backup", "hub.db");
        await RestoreScenarioAsync(cluster, new HubUnderTest(
            () => cluster.StartHubAsync(),
            () => cluster.BackupHubAsync(backup),
            () =>
            {
                cluster.RestoreHubByPlainCopy(backup);
                return Task.CompletedTask;
            },
            () => SyncCluster.DossierHashesAsync(cluster.HubDatabase)));
    }

    /// <summary>
    /// The same on a hub whose store is PostgreSQL, backed up while it runs with pg_dump and restored with
    /// pg_restore and the hub's new-epoch verb, exactly as docs/backup.md tells an operator.
    /// </summary>
    [PostgresFact]
    public async Task HubOnPostgresRestoredFromPgDump_NodeGone_EveryReplicaEndsWithAll15DossiersOnce()
    {
        await using var server = await PostgresCluster.StartAsync(durable: false);
        await using var cluster = new SyncCluster(edges: 3);
        var database = await server.CreateDatabaseAsync();
        var dump = Path.Combine(cluster.HubDataDirectory, "..", "hub.dump");
        Dictionary<string, string> Store() => new()
        {
            ["Hub:Store"] = "postgres",
            ["Hub:ConnectionString"] = database,
            ["Hub:DataDirectory"] = cluster.HubDataDirectory,
        };

        await RestoreScenarioAsync(cluster, new HubUnderTest(
            () => cluster.StartHubAsync(Store()),
            () => server.DumpAsync(database, dump),
            async () =>
            {
                database = await server.RestoreAsync(dump);
                await SyncCluster.RunHubCommandAsync(Store(), "new-epoch");
            },
            () => SyncCluster.PostgresDossierHashesAsync(database, cluster.HubDataDirectory)));
    }

    private static async Task RestoreScenarioAsync(SyncCluster cluster, HubUnderTest hub)
    {
        var (a, b, c) = (cluster.Edges[0], cluster.Edges[1], cluster.Edges[2]);
        await hub.StartAsync();
        await cluster.StartEdgesAsync();
        var created = new HashSet<Guid>();

        // 1. A files 5; B pulls them. The hub is backed up while it runs.
        for (var i = 0; i < 5; i++)
        {
            created.Add(await a.CreateDossierAsync($"Hồ sơ A {i}"));
        }

        await WaitForDossiersAsync(cluster, b, 5);
        await hub.BackupAsync();

        // 2. C files 5 after the backup; A and B pull them; C dies for good.
        for (var i = 0; i < 5; i++)
        {
            created.Add(await c.CreateDossierAsync($"Hồ sơ C {i}"));
        }

        await WaitForDossiersAsync(cluster, b, 10);
        await WaitForDossiersAsync(cluster, a, 10);
        await c.Process!.KillAsync();

        // 3. The hub is restored from the backup and restarted.
        await cluster.StopHubAsync();
        await hub.RestoreAsync();
        await hub.StartAsync();

        // 4. A files 5 more and syncs.
        for (var i = 0; i < 5; i++)
        {
            created.Add(await a.CreateDossierAsync($"Hồ sơ A mới {i}"));
        }

        var atHub = await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, ids => ids.Count >= 15, Patience, cluster.Logs);
        await WaitForDossiersAsync(cluster, b, 15);
        await WaitForDossiersAsync(cluster, a, 15);

        Assert.True(created.SetEquals(atHub), "the hub holds exactly the 15 dossiers filed");
        Assert.Equal(15, (await cluster.HubStatsAsync()).GetProperty("dossiers").GetInt64());
        foreach (var edge in new[] { a, b })
        {
            var ids = (await edge.GetJsonAsync("/api/dossiers")).EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(15, ids.Count);
            Assert.True(created.SetEquals(ids), $"{edge.NodeId} holds exactly the 15 dossiers filed");
        }

        // Converged: the hub and both live nodes hold the same writes of every dossier.
        var hubHashes = await Eventually.WaitForAsync(
            async () => (Hub: await hub.HashesAsync(), A: await SyncCluster.DossierHashesAsync(SyncCluster.EdgeDatabase(a)), B: await SyncCluster.DossierHashesAsync(SyncCluster.EdgeDatabase(b))),
            h => Same(h.Hub, h.A) && Same(h.Hub, h.B),
            Patience,
            cluster.Logs);
        Assert.Equal(15, hubHashes.Hub.Count);

        // The fleet view lists the nodes that re-synced, and B's status says so.
        var nodes = await cluster.HubJsonAsync("/api/nodes");
        var resynced = nodes.EnumerateArray()
            .Where(n => n.TryGetProperty("resync", out var r) && r.ValueKind == JsonValueKind.Object && r.GetProperty("resets").GetInt64() > 0)
            .Select(n => n.GetProperty("nodeId").GetString())
            .ToHashSet();
        Assert.Contains(a.NodeId, resynced);
        Assert.Contains(b.NodeId, resynced);
        Assert.DoesNotContain(c.NodeId, resynced);
        var status = await b.GetJsonAsync("/api/status");
        Assert.True(status.GetProperty("resync").GetProperty("resyncAtMs").ValueKind == JsonValueKind.Number, status.ToString());
    }

    /// <summary>How one hub store is started, backed up, restored and read.</summary>
    private sealed record HubUnderTest(Func<Task> StartAsync, Func<Task> BackupAsync, Func<Task> RestoreAsync, Func<Task<Dictionary<Guid, ulong>>> HashesAsync);

    private static bool Same(Dictionary<Guid, ulong> a, Dictionary<Guid, ulong> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var hash) && hash == pair.Value);

    private static Task<JsonElement> WaitForDossiersAsync(SyncCluster cluster, EdgeNode edge, int count) =>
        Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/dossiers"), list => list.GetArrayLength() >= count, Patience, cluster.Logs);
}
