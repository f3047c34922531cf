using System.Diagnostics;
using Microsoft.Extensions.Options;
using OneStop.Edge.Queue;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Hardware;
using OneStop.Hardware.Display;
using OneStop.Hardware.Power;

namespace OneStop.Edge.Devices;

/// <summary>
/// Reads device health on a timer, keeps the status display current, and on a low battery stops the
/// node cleanly: the host finishes in-flight requests (every write is one SQLite transaction), closes
/// the store, and only then is the configured shutdown command run.
/// </summary>
public sealed class DeviceMonitor(
    DeviceSet devices,
    DeviceHealthBoard board,
    EdgeStore store,
    SyncStatus sync,
    IOptions<DeviceOptions> options,
    IOptions<HardwareOptions> hardware,
    IHostApplicationLifetime lifetime,
    ILogger<DeviceMonitor> logger,
    NowServingBoard? serving = null) : BackgroundService
{
    private int _lowBattery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        devices.Power.BatteryLow += OnBatteryLow;
        lifetime.ApplicationStopped.Register(RunShutdownCommandIfLow);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        do
        {
            try
            {
                // Reading the power monitor is what raises BatteryLow.
                devices.Power.TryRead(out _);
                board.Publish(devices.ReadHealth());
                devices.Display.ShowStatus(sync.Current.Link.ToString(), (int)Math.Min(int.MaxValue, await store.CountBacklogAsync(stoppingToken)), serving?.Label);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A peripheral must never take intake down with it; its health already says what is wrong.
                logger.LogWarning(ex, "Reading device health failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        devices.Power.BatteryLow -= OnBatteryLow;
        return base.StopAsync(cancellationToken);
    }

    private void OnBatteryLow(object? sender, PowerReading reading)
    {
        if (Interlocked.Exchange(ref _lowBattery, 1) == 0)
        {
            logger.LogCritical("Battery low ({Reading}): stopping the node cleanly before the UPS runs out.", reading);
            lifetime.StopApplication();
        }
    }

    private void RunShutdownCommandIfLow()
    {
        var command = hardware.Value.Power.ShutdownCommand;
        if (Volatile.Read(ref _lowBattery) == 0 || string.IsNullOrWhiteSpace(command))
        {
            return;
        }

        // A simulated battery stops the node but must never power off the machine it runs on.
        if (string.Equals(hardware.Value.Power.Driver, "simulator", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Simulated battery low: not running the shutdown command '{Command}'.", command);
            return;
        }

        logger.LogCritical("Running the shutdown command '{Command}'.", command);
        using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command }, UseShellExecute = false });
    }
}
