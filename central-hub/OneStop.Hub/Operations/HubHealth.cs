using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Hub.Admin;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Store;

namespace OneStop.Hub.Operations;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (the store answers and its schema is in place),
/// on the admin listener only, without a key: a load balancer or systemd probe has none, and neither answer
/// carries data.
/// </summary>
public static class HubHealth
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHubHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<HubStoreReadyCheck>("hub-store", tags: [ReadyTag])
            .AddCheck<ConsoleStoreReadyCheck>("console-store", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).WithMetadata(AdminListener.Marker.Instance);
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).WithMetadata(AdminListener.Marker.Instance);
        return app;
    }
}

/// <summary>Ready when the store was initialised (schema and migrations applied at start) and answers a read now.</summary>
internal sealed class HubStoreReadyCheck(HubStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = store.Clock;
            var head = await store.ReadLogHeadAsync(cancellationToken);
            return HealthCheckResult.Healthy($"log head {head}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}

/// <summary>Ready when the console's own tables answer (sign-in and audit depend on them).</summary>
internal sealed class ConsoleStoreReadyCheck(ConsoleAccountStore accounts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await accounts.CountAsync(cancellationToken) > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no console account yet: start-up has not finished");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
