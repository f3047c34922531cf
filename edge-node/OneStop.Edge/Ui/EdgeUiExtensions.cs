using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStop.Hardware;
using OneStop.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>Registrations of the intake UI on the edge host: the shared UI plus this node's adapters for its ports.</summary>
public static class EdgeUiExtensions
{
    public static WebApplicationBuilder AddEdgeUi(this WebApplicationBuilder builder)
    {
        // The UI's stylesheet and the Blazor script are static web assets; outside Development the host only
        // finds them through the build's manifest when it is told to look (a published node has them in wwwroot).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOptions<EdgeUiOptions>().BindConfiguration(EdgeUiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddDeskUi();
        // Keys beside the data, so a restart (or a power cut) does not sign everyone out.
        builder.Services.AddDataProtection()
            .SetApplicationName("OneStop.Edge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                builder.Configuration[$"{EdgeOptions.Section}:{nameof(EdgeOptions.DataDirectory)}"] ?? EdgeOptions.DefaultDataDirectory,
                "keys")));
        builder.Services.AddSingleton<InitialAdminPassword>();
        builder.Services.AddSingleton<CatalogueOptionLists>();
        builder.Services.AddSingleton<IDeskAccounts, EdgeDeskAccounts>();
        builder.Services.AddSingleton<ISyncBarSource, EdgeSyncBarSource>();
        builder.Services.AddScoped<IIntakeDesk, EdgeIntakeDesk>();
        builder.Services.AddScoped<IDeskDevices, EdgeDeskDevices>();
        builder.Services.AddScoped<IDeskAttachments, EdgeDeskAttachments>();
        // The device set belongs to the host's device services; until they register it, the UI brings its own
        // (simulators unless section "Hardware" says otherwise). TryAdd keeps a single set either way.
        builder.Services.AddOptions<HardwareOptions>().BindConfiguration("Hardware");
        builder.Services.TryAddSingleton(sp => DeviceSet.Create(sp.GetRequiredService<IOptions<HardwareOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static WebApplication MapEdgeUi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EdgeUiOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AdminPasswordHash))
        {
            // Made (and logged) at start, so the installer can read it before anyone tries to sign in.
            _ = app.Services.GetRequiredService<InitialAdminPassword>().Read();
        }

        app.MapDeskUi();
        return app;
    }
}
