using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneStop.Hub.Accounts;
using OneStop.Hub.Admin;
using OneStop.HubConsole;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>Registers the province console and maps it on the admin listener only.</summary>
public static class HubConsoleExtensions
{
    public static WebApplicationBuilder AddHubConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The console's stylesheet and the Blazor script are static web assets: outside Development the host
        // finds them through the build's manifest only when told to (a published hub has them in wwwroot).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddHubConsoleUi();
        var dataDirectory = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>()?.DataDirectory ?? new HubOptions().DataDirectory;

        // Keys beside the hub's data, so a restart does not sign every admin out.
        builder.Services.AddDataProtection()
            .SetApplicationName("OneStop.Hub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "console-keys")));
        builder.Services.AddSingleton(sp =>
            ConsoleDatabase.For(sp.GetRequiredService<IOptions<HubOptions>>().Value, builder.Configuration.GetConnectionString("Hub")));
        builder.Services.AddSingleton<ConsoleAccountStore>();
        builder.Services.AddSingleton<ConsoleAuditLog>();
        builder.Services.AddSingleton<IConsoleAudit>(sp => sp.GetRequiredService<ConsoleAuditLog>());
        builder.Services.AddSingleton<NodeHistory>();
        builder.Services.AddSingleton<StaffAccountWriter>();
        builder.Services.AddSingleton<IConsoleSignIn, ConsoleSignIn>();
        builder.Services.AddSingleton<IConsoleFleet, ConsoleFleet>();
        builder.Services.AddSingleton<IConsoleStaffAccounts, ConsoleStaffAccounts>();
        builder.Services.AddSingleton<IConsoleCatalogue, ConsoleCatalogue>();
        builder.Services.AddSingleton<IConsoleReferenceData, ConsoleReferenceData>();
        builder.Services.AddSingleton<IConsoleConflicts, ConsoleConflicts>();
        builder.Services.AddSingleton<IConsoleDossierLookup, ConsoleDossierLookup>();
        builder.Services.AddSingleton<IConsoleNodeSettings, ConsoleNodeSettings>();
        builder.Services.AddSingleton<IConsoleReports, ConsoleReports>();
        builder.Services.AddSingleton<IConsoleOriginals, ConsoleOriginals>();
        builder.Services.AddHostedService<ConsoleStartup>();
        builder.Services.AddSingleton<NodeHistorySampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeHistorySampler>());
        return builder;
    }

    /// <summary>Maps the console after <see cref="Api.HubAdminApi.MapHubAdminApi"/>, whose listener separation runs first.</summary>
    public static WebApplication MapHubConsole(this WebApplication app)
    {
        app.MapHubConsoleUi(endpoints => endpoints.WithMetadata(AdminListener.Marker.Instance));
        app.MapConsoleOriginalsDownload();
        return app;
    }
}

/// <summary>Creates the console's tables and its first admin before the admin listener takes requests.</summary>
internal sealed class ConsoleStartup(
    ConsoleDatabase database, ConsoleAccountStore accounts, ConsoleAuditLog audit, IOptions<HubOptions> options, TimeProvider time, ILogger<ConsoleStartup> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await database.InitialiseAsync(cancellationToken);
        var file = await FirstConsoleAdmin.EnsureAsync(accounts, audit, options.Value.DataDirectory, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        if (file is not null)
        {
            logger.LogWarning("Console admin '{User}' created: its one-time password is in {File}.", FirstConsoleAdmin.UserName, Path.GetFullPath(file));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
