using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Issue 17 with real processes: an offline edit that a newer write never saw loses on the clock but stays
/// listed as a conflict on every node and the hub. Sync timing is driven by the test: a sync interval of an
/// hour, rounds requested explicitly, and A kept offline by pointing it at a port where no hub listens.
/// </summary>
public sealed class UnseenEditConflictTests
{
    private const string FromA = "Tên từ A";
    private const string FromB = "Tên từ B";
    private const string FromC = "Tên từ C";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly Dictionary<string, string> ManualSync = new() { ["Sync:IntervalSeconds"] = "3600", ["Sync:OfflineRetrySeconds"] = "3600" };

    [Fact]
    public async Task Sync_OfflineEditNeverSeenByNewerWrite_OneConflictWithAsValueOnAllNodesAndHub()
    {
        await using var cluster = new SyncCluster(edges: 3, edgeSettings: ManualSync);
        await cluster.StartHubAsync();
        await cluster.StartEdgesAsync();
        var (a, b, c) = (cluster.Edges[0], cluster.Edges[1], cluster.Edges[2]);

        // 1. C creates a dossier; A, B and C all sync it.
        var id = await c.CreateDossierAsync("Tên gốc");
        await SyncedAsync(cluster, c);
        await Eventually.WaitForAsync(() => cluster.HubJsonAsync("/api/records/dossier"), d => d.GetArrayLength() == 1, Patience, cluster.Logs);
        foreach (var edge in new[] { a, b })
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/dossiers"), d => d.GetArrayLength() == 1, Patience, cluster.Logs);
        }

        // 2. A goes offline (its hub address now leads nowhere) and changes the applicant's name.
        await a.RestartAfterKillAsync(HostProcess.FreePort(), SyncCluster.CommuneCode, ManualSync);
        await EditNameAsync(a, id, FromA);

        // 3. C changes the name and syncs; B pulls it, then changes the name and syncs. B never sees A's write.
        await EditNameAsync(c, id, FromC);
        await SyncedAsync(cluster, c);
        await HubShowsAsync(cluster, FromC);
        await b.RequestSyncAsync();
        await Eventually.WaitForAsync(() => b.GetJsonAsync($"/api/dossiers/{id}"), d => Name(d) == FromC, Patience, cluster.Logs);
        await EditNameAsync(b, id, FromB);
        await SyncedAsync(cluster, b);
        await HubShowsAsync(cluster, FromB);
        Assert.Equal(0, (await cluster.HubJsonAsync("/api/conflicts")).GetArrayLength());

        // 4. A comes back and syncs; then everyone pulls what A brought.
        await a.RestartAfterKillAsync(cluster.HubGrpcPort, SyncCluster.CommuneCode, ManualSync);
        await SyncedAsync(cluster, a);
        var hubConflicts = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/conflicts"), list => list.GetArrayLength() == 1, Patience, cluster.Logs);
        var conflict = hubConflicts[0];
        AssertIsAAgainstB(conflict);
        var conflictId = conflict.GetProperty("id").GetGuid();

        foreach (var edge in cluster.Edges)
        {
            await edge.RequestSyncAsync();
            var listed = await Eventually.WaitForAsync(
                () => edge.GetJsonAsync("/api/conflicts"), list => list.GetArrayLength() > 0, Patience, cluster.Logs);
            var only = Assert.Single(listed.EnumerateArray());
            Assert.Equal(conflictId, only.GetProperty("id").GetGuid());
            AssertIsAAgainstB(only);
            Assert.Equal(FromB, Name(await edge.GetJsonAsync($"/api/dossiers/{id}")));
        }
    }

    private static void AssertIsAAgainstB(JsonElement conflict)
    {
        Assert.Equal("applicant_name", conflict.GetProperty("field").GetString());
        Assert.Equal(FromA, conflict.GetProperty("loser").GetProperty("value").GetString());
        Assert.Equal("node-e2e-01", conflict.GetProperty("loser").GetProperty("node").GetString());
        Assert.Equal(FromB, conflict.GetProperty("winner").GetProperty("value").GetString());
        Assert.Equal("node-e2e-02", conflict.GetProperty("winner").GetProperty("node").GetString());
    }

    private static async Task EditNameAsync(EdgeNode edge, Guid id, string name)
    {
        using var edit = await edge.Http.PatchAsJsonAsync(edge.Api($"/api/dossiers/{id}"), new { applicantName = name });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
    }

    /// <summary>Requests a round and waits until the node has nothing left to push.</summary>
    private static async Task SyncedAsync(SyncCluster cluster, EdgeNode edge)
    {
        await edge.RequestSyncAsync();
        await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
    }

    private static Task HubShowsAsync(SyncCluster cluster, string name) =>
        Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/records/dossier"),
            d => d.GetArrayLength() == 1 && d[0].GetProperty("data").GetProperty("applicant_name").GetString() == name,
            Patience,
            cluster.Logs);

    private static string? Name(JsonElement dossier) => dossier.GetProperty("applicantName").GetString();
}
