using System.Net.Http.Json;
using OneStop.LinkEmulator;

namespace OneStop.EndToEnd.Tests;

/// <summary>The walking skeleton end to end: real hub and edge processes talking gRPC over loopback.</summary>
public sealed class OfflineFirstSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DossierCreatedOffline_ReachesHubOnce_AndCatalogueChangeReachesEdge()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();

        // The hub is down: intake still works and the write is kept for later.
        var id = await cluster.CreateDossierAsync("Sùng A Páo");
        var status = await cluster.Edge.GetJsonAsync("/api/status");
        Assert.Equal(1, status.GetProperty("backlog").GetInt64());

        await cluster.StartHubAsync();
        var ids = await Eventually.WaitForAsync(
            cluster.HubDossierIdsAsync, list => list is { Count: > 0 }, Patience, cluster.Logs);
        Assert.Equal([id], ids);

        // A second round must not bring the dossier again.
        await cluster.CreateDossierAsync("Giàng Thị Mỷ");
        await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, list => list is { Count: 2 }, Patience, cluster.Logs);
        var stats = await cluster.HubStatsAsync();
        Assert.Equal(2, stats.GetProperty("dossiers").GetInt64());

        // An admin changes a fee at the hub; the node gets it with its next pull.
        using var patch = await cluster.HubHttp.PatchAsJsonAsync(
            cluster.HubApi("/api/procedures/hotich.khaisinh"),
            new Dictionary<string, object> { ["name_vi"] = "Đăng ký khai sinh (mẫu mới)" });
        Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        await cluster.Edge.RequestSyncAsync();
        var procedure = await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/procedures/hotich.khaisinh"),
            p => p.GetProperty("nameVi").GetString() == "Đăng ký khai sinh (mẫu mới)",
            Patience,
            cluster.Logs);
        Assert.Equal("hotich.khaisinh", procedure.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EdgeKilledMidPush_RestartsFromHubAck_NothingLostNothingDoubled()
    {
        const int Dossiers = 300;
        const int BatchEntries = 2;
        const int InFlight = 4;

        // Two entries per batch over a 64 kbit/s uplink (the link emulator): the push takes seconds, so the
        // kill lands inside it however fast the hub commits. On plain loopback a fast hub finished first.
        var slowUplink = new LinkProfile("slow-uplink", LinkProfile.Unlimited, 64_000, TimeSpan.Zero, TimeSpan.Zero);
        await using var cluster = new SyncCluster(1, new Dictionary<string, string> { ["Sync:MaxBatchEntries"] = $"{BatchEntries}", ["Sync:MaxPushesInFlight"] = $"{InFlight}" }, slowUplink);
        await cluster.StartEdgeAsync();
        var created = new HashSet<Guid>();
        for (var i = 0; i < Dossiers; i++)
        {
            created.Add(await cluster.CreateDossierAsync($"Người nộp {i:D3}"));
        }

        await cluster.StartHubAsync();
        // Killed after a few batches, so a restart from 0 would send clearly more than the bound below allows.
        await Eventually.WaitForAsync(() => cluster.HubAckedAsync(), acked => acked >= 3 * BatchEntries, Patience, cluster.Logs);
        await cluster.Edge.Process!.KillAsync();
        // Read after the kill: what the hub holds once the node is gone is what a restart must resume from.
        var ackedAfterKill = await cluster.HubAckedAsync();
        Assert.True(ackedAfterKill > 0 && ackedAfterKill < Dossiers, $"the kill did not land inside the push (hub acked {ackedAfterKill} of {Dossiers})");

        await cluster.RestartEdgeAfterKillAsync();
        var ids = await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, list => list is { Count: >= Dossiers }, Patience, cluster.Logs);

        Assert.Equal(Dossiers, ids.Count);
        Assert.True(created.SetEquals(ids), "the hub holds exactly the dossiers the node acknowledged");
        var stats = await cluster.HubStatsAsync();
        Assert.Equal(stats.GetProperty("procedures").GetInt64() + Dossiers, stats.GetProperty("logHead").GetInt64());
        Assert.Equal(Dossiers, await cluster.HubAckedAsync());

        var onEdge = await cluster.Edge.GetJsonAsync("/api/dossiers");
        Assert.Equal(Dossiers, onEdge.GetArrayLength());
        var edgeStatus = await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("backlog").GetInt64() == 0,
            Patience,
            cluster.Logs);
        Assert.Equal(Dossiers, edgeStatus.GetProperty("pushAcked").GetInt64());
        // The restarted node resumed near the hub's ack: it sent what the hub lacked after the kill, less at most the
        // batches in flight, which the hub may have committed after that read, plus at most the batches the hub
        // acknowledged but the node never recorded (IncarnationPolicy.AfterHello resends them so the hub's digest
        // check sees them).
        var lacked = Dossiers - ackedAfterKill;
        Assert.InRange(edgeStatus.GetProperty("pushed").GetInt64(), lacked - (InFlight * BatchEntries), lacked + (InFlight * BatchEntries));
    }
}
