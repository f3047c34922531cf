using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Hub.Nodes;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The admin API's resolve: two admins at once, a resolve after another, and an unknown conflict.</summary>
public sealed class ConflictResolveApiTests : IAsyncLifetime
{
    private static readonly NodeIdentity First = new("node-r1", CommuneA);
    private static readonly NodeIdentity Second = new("node-r2", CommuneA);

    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Resolve_TwoAdminsAtOnce_OneOkOtherConflictProblemAndRecordHoldsTheFirst()
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.PushAsync(First, [Changes.Dossier(First.NodeId, 1, CommuneA, "Lò Văn Hùng", id: id)]);
        await _hub.Store.PushAsync(Second, [Changes.Dossier(Second.NodeId, 1, CommuneA, "Lò Văn Hưng", wallMs: 1_700_000_000_500, id: id)]);
        var open = Assert.Single(await _hub.Store.ListConflictsAsync(CommuneA), c => c.Conflict.Field == "applicant_name");
        using var http = _hub.AdminHttp();

        string[] choices = ["Lò Văn Hùng", "Lò Văn Hưng"];
        var responses = await Task.WhenAll(choices.Select(name => http.PostAsJsonAsync($"/api/conflicts/{open.Id}/resolve", new { value = name })));

        var ok = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errorEn").GetString()));
        var kept = choices[Array.IndexOf(responses, ok)];
        Assert.Equal(kept, JsonSerializer.Deserialize<string>((await _hub.Store.GetAsync(id))!.Fields["applicant_name"].Json!));
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/api/conflicts/{open.Id}/resolve", new { value = "Lò Văn Pó" })).StatusCode);
        Assert.Equal(kept, JsonSerializer.Deserialize<string>((await _hub.Store.GetAsync(id))!.Fields["applicant_name"].Json!));
    }

    [Fact]
    public async Task Resolve_UnknownConflict_NotFoundProblem()
    {
        using var http = _hub.AdminHttp();

        var response = await http.PostAsJsonAsync($"/api/conflicts/{Guid.CreateVersion7()}/resolve", new { value = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
