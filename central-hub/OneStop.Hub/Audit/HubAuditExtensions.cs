namespace OneStop.Hub.Audit;

/// <summary>Registers the hub's audit chains and maps the nodes' audit push on the sync listener.</summary>
public static class HubAuditExtensions
{
    public static WebApplicationBuilder AddHubAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubAuditStore>();
        builder.Services.AddSingleton<AuditSyncService>();
        builder.Services.AddSingleton<OneStop.HubConsole.Ports.IConsoleAuditChains, ConsoleAuditChains>();
        return builder;
    }

    public static WebApplication MapHubAudit(this WebApplication app)
    {
        app.MapGrpcService<AuditSyncService>();
        return app;
    }
}
