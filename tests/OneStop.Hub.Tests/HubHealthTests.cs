using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Hub.Tests.Infrastructure;

namespace OneStop.Hub.Tests;

/// <summary>Liveness and readiness on the admin listener, without the admin key.</summary>
public sealed class HubHealthTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await HubTestHost.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Readyz_StartedHub_HealthyWithoutKey()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };

        using var live = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_AfterAHelloAndASample_NodeCountsPerStateAndSyncRequests()
    {
        using var node = _hub.Client(HubTestHost.NodeA, HubTestHost.KeyA);
        await node.Sync.HelloAsync(new Protocol.V1.HelloRequest { NodeId = HubTestHost.NodeA, Incarnation = "inc-1" });
        await _hub.Services.GetRequiredService<AdminConsole.NodeHistorySampler>().SampleOnceAsync(default);
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };

        var text = await anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // Every state is reported (zero included); the counts themselves are checked against the real hub process
        // by hand, since in-process test hosts share the meter's name and the exporter sees all of them.
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, "onestop_hub_nodes\\{[^}]*state=\"silent\""), text);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("onestop_hub_log_entries", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_StoreFileUnreadable_ServiceUnavailableWhileHealthzStaysUp()
    {
        // The hub's database replaced by garbage under the running hub: the store no longer answers.
        var database = Path.Combine(_hub.DataDirectory, "hub.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_hub.DataDirectory, "hub.db*"))
        {
            File.Delete(file);
        }

        await File.WriteAllBytesAsync(database, new byte[8192]);
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };

        using var live = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
