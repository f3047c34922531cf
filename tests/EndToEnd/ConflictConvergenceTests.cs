using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>Three offices edit the same dossier while cut off from the hub, then reconnect in random order.</summary>
public sealed class ConflictConvergenceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Nodes sync only when the test asks: the order of reconnection is the test's, not the timer's.</summary>
    private static readonly Dictionary<string, string> OnlyWhenAsked = new() { ["Sync:IntervalSeconds"] = "3600", ["Sync:OfflineRetrySeconds"] = "3600" };

    private const int FirstSeed = 1;
    private const int SecondSeed = 3;

    [Fact]
    public void ReconnectOrder_TheTwoSeeds_GiveDifferentOrders() =>
        Assert.NotEqual(ReconnectOrder(FirstSeed), ReconnectOrder(SecondSeed));

    [Theory]
    [InlineData(FirstSeed)]
    [InlineData(SecondSeed)]
    public async Task ThreeNodesEditOffline_ReconnectInRandomOrder_AllFourConvergeAndListTheSameConflicts(int seed)
    {
        await using var cluster = new SyncCluster(edges: 3, edgeSettings: OnlyWhenAsked);
        await cluster.StartHubAsync();
        await cluster.StartEdgesAsync();
        var id = await cluster.Edges[0].CreateDossierAsync("Lý A Chảo");
        await Eventually.WaitForAsync(() => SyncNowAsync(cluster.Edges[0]), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        foreach (var edge in cluster.Edges)
        {
            await Eventually.WaitForAsync(() => SyncNowAsync(edge, "/api/dossiers"), d => d.GetArrayLength() == 1, Patience, cluster.Logs);
        }

        // The link goes down; each office corrects the applicant's name its own way.
        await cluster.StopHubAsync();
        var names = new[] { "Lý A Chảo (sửa ở A)", "Lý A Chảo (sửa ở B)", "Lý A Chảo (sửa ở C)" };
        for (var i = 0; i < 3; i++)
        {
            using var edit = await cluster.Edges[i].Http.PatchAsJsonAsync(cluster.Edges[i].Api($"/api/dossiers/{id}"), new { applicantName = names[i] });
            Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        }

        // Each edit woke its node once; wait until those rounds have failed, so none is still retrying when the hub is back.
        foreach (var edge in cluster.Edges)
        {
            await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("link").GetString() == "offline", Patience, cluster.Logs);
        }

        await cluster.StartHubAsync();
        var order = ReconnectOrder(seed);
        foreach (var index in order)
        {
            await Eventually.WaitForAsync(() => SyncNowAsync(cluster.Edges[index]), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        }

        // The hub's own log, read from its database: the edits arrived in the order the seed chose.
        var arrived = HubDatabase.Query(
            cluster,
            "SELECT origin_node FROM hub_log WHERE record_id = $id ORDER BY hub_seq",
            r => r.GetString(0),
            ("$id", id.ToString())).Skip(1).Distinct();
        Assert.Equal(order.Select(i => cluster.Edges[i].NodeId), arrived);

        // Converged: one name everywhere, and the same three pairwise conflicts listed by all four.
        var hubConflicts = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 3, Patience, cluster.Logs);
        var expectedIds = Ids(hubConflicts);
        var hubName = (await cluster.HubJsonAsync("/api/records/dossier"))[0].GetProperty("data").GetProperty("applicant_name").GetString();
        Assert.Contains(hubName, names);
        foreach (var edge in cluster.Edges)
        {
            var conflicts = await Eventually.WaitForAsync(
                () => SyncNowAsync(edge, "/api/conflicts"), c => Ids(c).SetEquals(expectedIds), Patience, cluster.Logs);
            Assert.All(conflicts.EnumerateArray(), c => Assert.Equal("applicant_name", c.GetProperty("field").GetString()));
            var dossier = await edge.GetJsonAsync($"/api/dossiers/{id}");
            Assert.Equal(hubName, dossier.GetProperty("applicantName").GetString());
        }

        // Staff at office B settle it; the resolution travels and every list empties.
        var first = hubConflicts[0].GetProperty("id").GetGuid();
        using var resolve = await cluster.Edges[1].Http.PostAsJsonAsync(
            cluster.Edges[1].Api($"/api/conflicts/{first}/resolve"), new { value = "Lý A Chảo" });
        Assert.True(resolve.IsSuccessStatusCode, await resolve.Content.ReadAsStringAsync());
        await Eventually.WaitForAsync(() => SyncNowAsync(cluster.Edges[1]), s => s.GetProperty("backlog").GetInt64() == 0, Patience, cluster.Logs);
        await Eventually.WaitForAsync(() => cluster.HubJsonAsync("/api/conflicts"), c => c.GetArrayLength() == 0, Patience, cluster.Logs);
        foreach (var edge in cluster.Edges)
        {
            await Eventually.WaitForAsync(() => SyncNowAsync(edge, "/api/conflicts"), c => c.GetArrayLength() == 0, Patience, cluster.Logs);
            var dossier = await edge.GetJsonAsync($"/api/dossiers/{id}");
            Assert.Equal("Lý A Chảo", dossier.GetProperty("applicantName").GetString());
        }
    }

    /// <summary>Indexes of the three nodes in the order they reconnect: one seeded generator shuffles them once.</summary>
    private static int[] ReconnectOrder(int seed)
    {
        int[] order = [0, 1, 2];
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>
    /// Asks for a round, then reads <paramref name="path"/>. Asked on every probe: with no timer, a round the
    /// open circuit breaker refused, or one that pulled before another node pushed, is not repeated by itself.
    /// </summary>
    private static async Task<JsonElement> SyncNowAsync(EdgeNode edge, string path = "/api/status")
    {
        await edge.RequestSyncAsync();
        return await edge.GetJsonAsync(path);
    }

    private static HashSet<Guid> Ids(JsonElement conflicts) =>
        [.. conflicts.EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
