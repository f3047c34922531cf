using System.Net;
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
