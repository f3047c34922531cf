using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Edge.Devices;

namespace OneStop.Edge.StoreHealth;

public static class StoreHealthExtensions
{
    /// <summary>
    /// Storage health: the checks at start (registered before the store's own start-up, so it knows whether to
    /// take writes), the monitor, recovery and housekeeping.
    /// </summary>
    public static WebApplicationBuilder AddStoreHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreHealthOptions>().BindConfiguration(StoreHealthOptions.Section).ValidateGenerated<StoreHealthOptions, StoreHealthOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<StoreHealthState>();
        builder.Services.AddSingleton<BlobHousekeeping>();
        builder.Services.AddSingleton<StoreRecovery>();
        // The device services register the board too; one board either way.
        builder.Services.TryAddSingleton<DeviceHealthBoard>();
        builder.Services.AddHostedService<StoreHealthStartup>();
        builder.Services.AddHostedService<StoreHealthMonitor>();
        return builder;
    }

    /// <summary>Turns storage failures into words at every door; first in the pipeline so nothing answers a bare 500 before it.</summary>
    public static WebApplication UseStoreHealth(this WebApplication app)
    {
        app.UseMiddleware<StoreProblemMiddleware>();
        return app;
    }
}
