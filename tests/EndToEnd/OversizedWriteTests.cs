using System.Net;
using System.Net.Http.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>No single write can stop a node's sync: bounded at the door, and quarantined if it still cannot be sent.</summary>
public sealed class OversizedWriteTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CreateDossier_FiveMegabyteName_RefusedAtDoorInBothLanguagesAndNothingStored()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();

        using var response = await cluster.Edge.Http.PostAsJsonAsync(cluster.Edge.Api("/api/dossiers"), new
        {
            procedureCode = "hotich.khaisinh",
            applicantName = new string('A', 5 * 1024 * 1024),
            form = EdgeNode.BirthAnswers,
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ký tự", body, StringComparison.Ordinal);
        Assert.Contains("characters", body, StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.Edge.GetJsonAsync("/api/dossiers")).GetArrayLength());
        Assert.Equal(0, (await cluster.Edge.GetJsonAsync("/api/status")).GetProperty("backlog").GetInt64());
    }

    [Fact]
    public async Task Push_EntryLargerThanHubTakes_QuarantinedVisiblyAndLaterWritesReachHub()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        // Within the door's limits, but above what this hub takes in one message: the case a door cannot rule out.
        var longName = new string('Ừ', 2_500);
        var big = await cluster.CreateDossierAsync(longName);
        var small = await cluster.CreateDossierAsync("Vàng A Dơ");

        await cluster.StartHubAsync(new Dictionary<string, string> { ["Hub:MaxMessageBytes"] = "4096" });

        await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, ids => ids.Contains(small), Patience, cluster.Logs);
        var status = await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        Assert.Equal(1, status.GetProperty("quarantined").GetInt64());
        Assert.DoesNotContain(big, await cluster.HubDossierIdsAsync());
        var node = (await cluster.HubJsonAsync("/api/nodes")).EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == cluster.Edge.NodeId);
        Assert.Equal(big, node.GetProperty("quarantined").EnumerateArray().Single().GetProperty("recordId").GetGuid());
        Assert.Equal(longName, (await cluster.Edge.GetJsonAsync($"/api/dossiers/{big}")).GetProperty("applicantName").GetString());

        // Later writes keep flowing.
        var after = await cluster.CreateDossierAsync("Giàng Thị Mỷ");
        await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, ids => ids.Contains(after), Patience, cluster.Logs);
    }
}
