using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>Three offices edit the same dossier while cut off from the hub, then reconnect in random order.</summary>
public sealed class ConflictConvergenceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ThreeNodesEditOffline_ReconnectInRandomOrder_AllFourConvergeAndListTheSameConflicts(int seed)
    {
        await using var cluster = new SyncCluster(edges: 3);
        await cluster.StartHubAsync();
        await cluster.StartEdgesAsync();
        var id = await cluster.Edges[0].CreateDossierAsync("Lý A Chảo");
        foreach (var edge in cluster.Edges)
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/dossiers"), d => d.GetArrayLength() == 1, Patience, cluster.Logs);
        }

        // The link goes down; each office corrects the applicant's name its own way.
        await cluster.StopHubAsync();
        var names = new[] { "Lý A Chảo (sửa ở A)", "Lý A Chảo (sửa ở B)", "Lý A Chảo (sửa ở C)" };
        for (var i = 0; i < 3; i++)
        {
            using var edit = await cluster.Edges[i].Http.PatchAsJsonAsync(cluster.Edges[i].Api($"/api/dossiers/{id}"), new { applicantName = names[i] });
            Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        }

        await cluster.StartHubAsync();
        foreach (var edge in cluster.Edges.OrderBy(_ => new Random(seed).Next()).ToList())
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        }

        // Converged: one name everywhere, and the same three pairwise conflicts listed by all four.
        var hubConflicts = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 3, Patience, cluster.Logs);
        var expectedIds = Ids(hubConflicts);
        var hubName = (await cluster.HubJsonAsync("/api/records/dossier"))[0].GetProperty("data").GetProperty("applicant_name").GetString();
        Assert.Contains(hubName, names);
        foreach (var edge in cluster.Edges)
        {
            await edge.RequestSyncAsync();
            var conflicts = await Eventually.WaitForAsync(
                () => edge.GetJsonAsync("/api/conflicts"), c => Ids(c).SetEquals(expectedIds), Patience, cluster.Logs);
            Assert.All(conflicts.EnumerateArray(), c => Assert.Equal("applicant_name", c.GetProperty("field").GetString()));
            var dossier = await edge.GetJsonAsync($"/api/dossiers/{id}");
            Assert.Equal(hubName, dossier.GetProperty("applicantName").GetString());
        }

        // Staff at office B settle it; the resolution travels and every list empties.
        var first = hubConflicts[0].GetProperty("id").GetGuid();
        using var resolve = await cluster.Edges[1].Http.PostAsJsonAsync(
            cluster.Edges[1].Api($"/api/conflicts/{first}/resolve"), new { value = "Lý A Chảo" });
        Assert.True(resolve.IsSuccessStatusCode, await resolve.Content.ReadAsStringAsync());
        await cluster.Edges[1].RequestSyncAsync();
        await Eventually.WaitForAsync(() => cluster.HubJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 0, Patience, cluster.Logs);
        foreach (var edge in cluster.Edges)
        {
            await edge.RequestSyncAsync();
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 0, Patience, cluster.Logs);
            var dossier = await edge.GetJsonAsync($"/api/dossiers/{id}");
            Assert.Equal("Lý A Chảo", dossier.GetProperty("applicantName").GetString());
        }
    }

    private static HashSet<Guid> Ids(JsonElement conflicts) =>
        [.. conflicts.EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
