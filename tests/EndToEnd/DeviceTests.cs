using System.Net.Http.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>Peripherals seen from outside: health at the hub, and a low battery that stops the node cleanly.</summary>
public sealed class DeviceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> FastDevicePoll = new() { ["Devices:PollSeconds"] = "1" };

    [Fact]
    public async Task DeviceHealth_ReportedWithSync_VisibleInTheHubFleetView()
    {
        await using var cluster = new SyncCluster(1, FastDevicePoll);
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();

        var nodes = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/nodes"),
            n => n.GetArrayLength() > 0 && n.EnumerateArray().Any(node => node.GetProperty("devices") is { ValueKind: System.Text.Json.JsonValueKind.Array } d && d.GetArrayLength() >= 7),
            Patience,
            cluster.Logs);

        var node = nodes.EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == cluster.Edge.NodeId);
        var kinds = node.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("printer", kinds);
        Assert.Contains("power", kinds);
        Assert.Equal(0, node.GetProperty("reportedBacklog").GetInt64());
    }

    [Fact]
    public async Task BatteryLow_NodeStopsCleanly_AndKeepsEveryAcknowledgedWrite()
    {
        await using var cluster = new SyncCluster(1, FastDevicePoll);
        await cluster.StartEdgeAsync();
        var id = await cluster.CreateDossierAsync("Mùa A Sùng");

        using var drain = await cluster.Edge.Http.PostAsJsonAsync(cluster.Edge.Api("/api/devices/simulator/battery"), new { percent = 5 });
        Assert.True(drain.IsSuccessStatusCode, await drain.Content.ReadAsStringAsync());
        var exitCode = await cluster.Edge.Process!.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
        Assert.Contains("Battery low", cluster.Edge.Process.Output, StringComparison.Ordinal);
        Assert.Contains("not running the shutdown command", cluster.Edge.Process.Output, StringComparison.Ordinal);
        await cluster.RestartEdgeAfterKillAsync();
        var dossier = await cluster.Edge.GetJsonAsync($"/api/dossiers/{id}");
        Assert.Equal("Mùa A Sùng", dossier.GetProperty("applicantName").GetString());
    }
}
