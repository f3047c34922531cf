using Microsoft.Extensions.Hosting.Systemd;

namespace OneStop.Edge.Appliance;

/// <summary>
/// The node as a systemd service (provisioning/onestop-edge.service, <c>Type=notify</c>): it says READY=1 once it
/// serves, STOPPING=1 on the way down, logs in the journal's format, and pings the watchdog while its store answers.
/// </summary>
public static class ApplianceHosting
{
    public const string NotifySocketVariable = "NOTIFY_SOCKET";

    public static WebApplicationBuilder AddApplianceHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService() && Environment.GetEnvironmentVariable(NotifySocketVariable) is { Length: > 0 })
        {
            // Started by a supervisor that speaks sd_notify without being systemd itself (s6, a container's init, the
            // install test): AddSystemd only looks for systemd as the parent process, so register the same parts.
            builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        builder.Services.AddHostedService<SystemdWatchdog>();
        return builder;
    }
}
