using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;
using OneStop.Storage;

namespace OneStop.Edge.Appliance;

/// <summary>
/// Pings systemd's watchdog (<c>WatchdogSec=</c> in the unit) at half its interval, and only after the store
/// answered a query: a node hung on a stalled SD card or a dead lock stops pinging and systemd restarts it,
/// where a timer alone would keep a wedged process looking alive.
/// </summary>
public sealed partial class SystemdWatchdog(IServiceProvider services, SqliteDatabase database, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<SystemdWatchdog> log) : BackgroundService
{
    public const string WatchdogVariable = "WATCHDOG_USEC";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notifier = services.GetService<ISystemdNotifier>();
        if (notifier is not { IsEnabled: true } || Interval() is not { } interval)
        {
            return;
        }

        // Start-up has its own bound (TimeoutStartSec); pings begin once the node serves, after READY=1.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        // Ticks first: ApplicationStarted runs its callbacks last-registered first, so READY=1 (SystemdLifetime's) is
        // sent after ours fired; the first ping half an interval later comes after it.
        using var timer = new PeriodicTimer(interval / 2, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (await StoreAnswersAsync(interval / 2, stoppingToken))
            {
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
        }
    }

    private static TimeSpan? Interval()
    {
        // WATCHDOG_PID, when set, names the process the watchdog is meant for (not a child we started).
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (pid is { Length: > 0 } && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(Environment.GetEnvironmentVariable(WatchdogVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
    }

    private async Task<bool> StoreAnswersAsync(TimeSpan patience, CancellationToken stoppingToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(patience);
        try
        {
            await using var connection = await database.OpenAsync(bounded.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(bounded.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogStoreSilent(log, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog not pinged: the store did not answer ({Reason}).")]
    private static partial void LogStoreSilent(ILogger logger, string reason);
}
