using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Hub.Admin;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>The hub's admin API answers only on its own listener, and only to a caller with the admin key.</summary>
public sealed class AdminApiAccessTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task AdminApi_WithoutOrWithWrongKey_UnauthorizedAndNothingWritten()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };
        using var wrongKey = new HttpClient { BaseAddress = _hub.HttpAddress };
        wrongKey.DefaultRequestHeaders.Add(AdminApiKey.Header, "guess");
        using var admin = _hub.AdminHttp();
        var accountsBefore = (await _hub.Store.ListAsync(RecordTypes.StaffAccount, null, 1000)).Count;

        using var records = await anonymous.GetAsync(new Uri("/api/records/dossier", UriKind.Relative));
        using var takeover = await anonymous.PutAsJsonAsync(new Uri($"/api/accounts/{CommuneA}/ke.xau", UriKind.Relative), new { role = "commune_admin", password = "12345678" });
        using var guessed = await wrongKey.PutAsJsonAsync(new Uri($"/api/accounts/{CommuneA}/ke.xau", UriKind.Relative), new { role = "commune_admin", password = "12345678" });
        using var catalogue = await anonymous.PatchAsJsonAsync(new Uri("/api/procedures/hotich.khaisinh", UriKind.Relative), new { name = "hacked" });
        using var allowed = await admin.GetAsync(new Uri("/api/records/dossier", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, records.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, takeover.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, catalogue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(accountsBefore, (await _hub.Store.ListAsync(RecordTypes.StaffAccount, null, 1000)).Count);
        Assert.Null(await _hub.Store.GetAsync(Core.Accounts.StaffAccountFields.RecordId(CommuneA, "ke.xau")));
    }

    [Fact]
    public async Task AdminApi_ThroughGrpcPortWithKey_NotFound()
    {
        using var h2c = new HttpClient { BaseAddress = _hub.GrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        h2c.DefaultRequestHeaders.Add(AdminApiKey.Header, AdminKey);

        using var records = await h2c.GetAsync(new Uri("/api/records/dossier", UriKind.Relative));
        using var health = await h2c.GetAsync(new Uri("/api/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, records.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/signin")]
    [InlineData("GET", "/fleet")]
    [InlineData("GET", "/accounts")]
    [InlineData("GET", "/_framework/blazor.web.js")]
    [InlineData("GET", "/_content/OneStop.HubConsole/console.css")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("POST", "/console/signin")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/readyz")]
    [InlineData("GET", "/metrics")]
    public async Task Console_ThroughGrpcPort_NotFoundButServedOnAdminPort(string method, string path)
    {
        using var h2c = new HttpClient { BaseAddress = _hub.GrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var adminHandler = new HttpClientHandler { AllowAutoRedirect = false };
        using var admin = new HttpClient(adminHandler) { BaseAddress = _hub.HttpAddress };

        using var viaGrpc = await h2c.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = method == "POST" ? new FormUrlEncodedContent([]) : null,
        });
        using var viaAdmin = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "POST" ? new FormUrlEncodedContent([]) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, viaGrpc.StatusCode);
        // On the admin port the same path exists: a page, a redirect to sign-in, or a refusal of the empty form.
        Assert.NotEqual(HttpStatusCode.NotFound, viaAdmin.StatusCode);
    }

    [Fact]
    public async Task SyncService_ThroughAdminPort_NotFound()
    {
        using var http = new HttpClient { BaseAddress = _hub.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/onestop.sync.v1.Sync/Hello", UriKind.Relative))
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.Add(Protocol.NodeHeaders.NodeId, NodeA);
        request.Headers.Add("authorization", "Bearer " + KeyA);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await _hub.Store.ListNodeStatesAsync()).SingleOrDefault(n => n.NodeId == NodeA)?.LastSeenMs);
    }

    [Fact]
    public async Task AdminApiKey_NoneConfigured_MadeAtFirstStartInOwnerOnlyFileAndAccepted()
    {
        await using var hub = await StartAsync(new Dictionary<string, string?> { ["Hub:AdminApiKey"] = "" });
        var file = Directory.GetFiles(hub.DataDirectory, AdminApiKey.FileName).Single();
        var key = (await File.ReadAllTextAsync(file)).Trim();
        using var admin = new HttpClient { BaseAddress = hub.HttpAddress };
        admin.DefaultRequestHeaders.Add(AdminApiKey.Header, key);
        using var anonymous = new HttpClient { BaseAddress = hub.HttpAddress };

        var stats = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/stats", UriKind.Relative));
        using var refused = await anonymous.GetAsync(new Uri("/api/stats", UriKind.Relative));

        Assert.True(key.Length >= 32);
        Assert.True(stats.GetProperty("procedures").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }
}
