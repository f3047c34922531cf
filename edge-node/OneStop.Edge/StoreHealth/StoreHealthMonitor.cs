using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <summary>
/// Watches the store while the node runs: free space against the thresholds (housekeeping when low),
/// bytes written to the card per day, the full integrity check at the quiet hour; and publishes it all
/// as the node's "storage" device, which the sync round reports to the hub's fleet view.
/// </summary>
internal sealed class StoreHealthMonitor(
    SqliteDatabase database,
    EdgeStore store,
    StoreHealthState health,
    DeviceHealthBoard board,
    BlobHousekeeping housekeeping,
    IOptions<StoreHealthOptions> options,
    TimeProvider time,
    ILogger<StoreHealthMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingPause = TimeSpan.FromHours(1);
    private DateOnly? _fullCheckDay;
    private DateTimeOffset? _lastHousekeeping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.LocalWriteCommitted += OnWriteCommitted;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
            do
            {
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Reading storage health failed.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            store.LocalWriteCommitted -= OnWriteCommitted;
        }
    }

    /// <summary>A write went through: whatever refused one for space before has been freed.</summary>
    private void OnWriteCommitted() => health.Update(s => s.SpaceRefusedAt is null ? s : s with { SpaceRefusedAt = null });

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        ReadSpace();
        if (health.Current.EffectiveSpace is StoreSpace.Low or StoreSpace.Full
            && health.Current.Integrity != StoreIntegrity.Corrupt
            && (_lastHousekeeping is null || time.GetUtcNow() - _lastHousekeeping >= HousekeepingPause))
        {
            _lastHousekeeping = time.GetUtcNow();
            var freed = await housekeeping.RunAsync(cancellationToken);
            logger.LogWarning("Storage low: housekeeping freed {Bytes} bytes of attachment content the hub already holds.", freed.Bytes);
            ReadSpace();
        }

        await FullCheckIfDueAsync(cancellationToken);
        board.PublishExtra(health.ToDeviceHealth());
    }

    private void ReadSpace()
    {
        var opts = options.Value;
        var directory = Path.GetDirectoryName(database.Path)!;
        var space = DiskReadings.FreeSpace(directory);
        var wear = DiskReadings.Wear(directory);
        var storeBytes = new[] { database.Path, database.Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        health.Update(s => s with
        {
            FreeBytes = space?.Free,
            TotalBytes = space?.Total,
            Space = space is { } sp ? SpaceLevels.Of(sp.Free, sp.Total, opts) : StoreSpace.Unknown,
            StoreBytes = storeBytes,
            WrittenBytesPerDay = wear?.BytesPerDay,
            BlockDevice = wear?.Device,
        });
    }

    private async Task FullCheckIfDueAsync(CancellationToken cancellationToken)
    {
        var hour = options.Value.FullCheckHour;
        var local = time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (hour < 0 || local.Hour != hour || _fullCheckDay == today || health.Current.Integrity == StoreIntegrity.Corrupt)
        {
            return;
        }

        _fullCheckDay = today;
        // The quiet hour has no office hours to protect: an hour is bound enough for any card.
        var result = await StoreChecks.IntegrityCheckAsync(database.Path, TimeSpan.FromHours(1), cancellationToken);
        health.Update(s => s with
        {
            Integrity = result.FoundDamage ? StoreIntegrity.Corrupt : result.Ok ? StoreIntegrity.Ok : s.Integrity,
            IntegrityDetail = result.FoundDamage ? result.Summary : s.IntegrityDetail,
            FullCheckAt = time.GetUtcNow(),
            FullCheckMs = result.Milliseconds,
        });
        if (result.FoundDamage)
        {
            logger.LogCritical("The integrity check found the node's database damaged: {Findings}. Writes are refused until it is recovered.", result.Summary);
        }
    }
}

/// <summary>Free space against the thresholds in settings.</summary>
public static class SpaceLevels
{
    public static StoreSpace Of(long free, long total, StoreHealthOptions options) =>
        free < options.CriticalFreeBytes ? StoreSpace.Full
        : free < options.WarningFreeBytes || (total > 0 && free * 100 < total * (long)options.WarningFreePercent) ? StoreSpace.Low
        : StoreSpace.Ok;
}
