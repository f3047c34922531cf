using Microsoft.Extensions.Options;
using OneStop.Edge.Sync;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <param name="Report">What the salvage kept.</param>
/// <param name="DamagedCopy">Where the damaged file was kept.</param>
public sealed record RecoveryOutcome(SalvageReport Report, string DamagedCopy);

/// <summary>
/// Recovery of a running node (the commune admin's button): salvage into a fresh file beside the damaged
/// one, swap it in, reopen the store on it, check it, and sync at once so the hub sends back what could
/// not be salvaged. Writes are already refused while the store is known damaged, so no write can land in
/// the old file after its rows were copied.
/// </summary>
public sealed class StoreRecovery(
    SqliteDatabase database,
    EdgeStoreStartup startup,
    StoreHealthState health,
    SyncAgent sync,
    IOptions<EdgeOptions> edge,
    IOptions<StoreHealthOptions> options,
    TimeProvider time,
    ILogger<StoreRecovery> logger)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<RecoveryOutcome> RecoverAsync(CancellationToken cancellationToken = default)
    {
        if (!await _one.WaitAsync(0, cancellationToken))
        {
            throw new InvalidOperationException("A recovery is already running.");
        }

        try
        {
            var outcome = await SalvageAndSwapAsync(database.Path, edge.Value.NodeId, time, cancellationToken);
            // Reopened as at start: the clock from the salvaged meta, the catalogue seeded again where pages were lost.
            await startup.OpenAndSeedAsync(cancellationToken);
            var check = await StoreChecks.QuickCheckAsync(database.Path, TimeSpan.FromSeconds(options.Value.QuickCheckSeconds), cancellationToken);
            health.Update(s => s with
            {
                Integrity = check.Ok ? StoreIntegrity.Ok : StoreIntegrity.Corrupt,
                IntegrityDetail = check.Ok ? null : check.Summary,
                QuickCheckAt = time.GetUtcNow(),
                QuickCheckMs = check.Milliseconds,
                RecoveredAt = time.GetUtcNow(),
                DamagedCopy = outcome.DamagedCopy,
            });
            logger.LogWarning("Store recovered from a damaged file (kept at {Damaged}): {Report}", outcome.DamagedCopy, Describe(outcome.Report));
            sync.RequestSync();
            return outcome;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The whole recovery of a file, shared by the button and the command line (where the node is stopped).</summary>
    public static async Task<RecoveryOutcome> SalvageAndSwapAsync(string livePath, string nodeId, TimeProvider time, CancellationToken cancellationToken)
    {
        RequireRoom(livePath);
        var fresh = livePath + ".salvage-new";
        try
        {
            var report = await StoreSalvage.SalvageAsync(livePath, fresh, nodeId, cancellationToken);
            var damaged = StoreSwap.SwapIn(livePath, fresh, time.GetUtcNow());
            return new RecoveryOutcome(report, damaged);
        }
        finally
        {
            StoreSalvage.DeleteDatabaseFiles(fresh);
        }
    }

    public static string Describe(SalvageReport report) =>
        $"rows kept {Join(report.RowsKept)}; dropped {Join(report.RowsDropped)}; unreadable stretches {Join(report.UnreadableStretches)}; "
        + $"own log entries kept {report.LogEntriesKept}; records rebuilt from the log {report.RecordsRebuiltFromLog}; header repaired {report.HeaderRepaired}; new incarnation {report.Incarnation}";

    private static string Join<T>(IReadOnlyDictionary<string, T> values) => string.Join(", ", values.Where(v => !Equals(v.Value, default(T))).Select(v => $"{v.Key} {v.Value}"));

    /// <summary>The copy and the fresh file together need about twice the damaged file's size.</summary>
    private static void RequireRoom(string livePath)
    {
        var size = (File.Exists(livePath) ? new FileInfo(livePath).Length : 0) + (File.Exists(livePath + "-wal") ? new FileInfo(livePath + "-wal").Length : 0);
        if (DiskReadings.FreeSpace(Path.GetDirectoryName(livePath)!) is { } space && space.Free < 2 * size)
        {
            throw new StoreUnavailableException(StoreProblem.Full, $"Recovery needs about {2 * size / (1024 * 1024)} MB free beside the database; {space.Free / (1024 * 1024)} MB are free.");
        }
    }
}
