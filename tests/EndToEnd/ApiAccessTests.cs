using System.Net;
using System.Net.Http.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>The node's HTTP API is not open to anyone on the office network.</summary>
public sealed class ApiAccessTests
{
    [Fact]
    public async Task Api_WithoutKeyOrSignIn_RefusedAndNothingWritten_StatusStillPublic()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        using var anonymous = new HttpClient();
        using var wrongKey = new HttpClient();
        wrongKey.DefaultRequestHeaders.Add("X-OneStop-Api-Key", "guess");

        using var create = await anonymous.PostAsJsonAsync(cluster.Edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = "Vàng A Dơ" });
        using var list = await wrongKey.GetAsync(cluster.Edge.Api("/api/dossiers"));
        using var status = await anonymous.GetAsync(cluster.Edge.Api("/api/status"));

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Contains("Cần đăng nhập", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var dossiers = await cluster.Edge.GetJsonAsync("/api/dossiers");
        Assert.Equal(0, dossiers.GetArrayLength());
    }
}
