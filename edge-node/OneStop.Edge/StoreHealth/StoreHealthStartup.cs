using Microsoft.Extensions.Options;
using OneStop.Edge.Devices;
using OneStop.Storage;

namespace OneStop.Edge.StoreHealth;

/// <summary>
/// Looks at the database before anything opens it: finishes a swap a power cut interrupted, reads the
/// header and the WAL (SQLite would silently drop committed frames after a damaged one, and the first
/// checkpoint would make that permanent), then runs the bounded quick check. Registered before the store's
/// own start-up, which then knows whether to take writes.
/// </summary>
internal sealed class StoreHealthStartup(
    SqliteDatabase database,
    StoreHealthState health,
    DeviceHealthBoard board,
    IOptions<StoreHealthOptions> options,
    TimeProvider time,
    ILogger<StoreHealthStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var path = database.Path;
        if (StoreSwap.FinishInterrupted(path))
        {
            logger.LogWarning("Finished a store recovery that was interrupted before the salvaged file took its place.");
        }

        var problem = StoreChecks.CheckHeader(path) ?? CheckWal(path);
        if (problem is not null)
        {
            logger.LogCritical("The node's database is damaged: {Problem}. Writes are refused until it is recovered.", problem);
            health.Noticed(StoreProblem.Corrupt, problem, time.GetUtcNow());
        }
        else if (options.Value.QuickCheckAtStart && File.Exists(path))
        {
            var result = await StoreChecks.QuickCheckAsync(path, TimeSpan.FromSeconds(options.Value.QuickCheckSeconds), cancellationToken);
            health.Update(s => s with
            {
                Integrity = result.FoundDamage ? StoreIntegrity.Corrupt : result.Ok ? StoreIntegrity.Ok : s.Integrity,
                IntegrityDetail = result.FoundDamage ? result.Summary : result.Complete ? null : $"quick check unfinished after {result.Milliseconds} ms",
                QuickCheckAt = time.GetUtcNow(),
                QuickCheckMs = result.Milliseconds,
            });
            if (result.FoundDamage)
            {
                logger.LogCritical("The quick check found the node's database damaged: {Findings}. Writes are refused until it is recovered.", result.Summary);
            }
            else if (!result.Complete)
            {
                logger.LogWarning("The quick check did not finish within {Seconds} s; the full check at the quiet hour will cover the file.", options.Value.QuickCheckSeconds);
            }
        }
        else
        {
            // A new node: nothing to check yet.
            health.Update(s => s with { Integrity = StoreIntegrity.Ok });
        }

        board.PublishExtra(health.ToDeviceHealth());
    }

    /// <summary>A damaged WAL is copied aside at once: the evidence (and the frames after the damage) must outlive the next checkpoint.</summary>
    private string? CheckWal(string path)
    {
        var wal = path + "-wal";
        if (!File.Exists(wal) || !File.Exists(path))
        {
            return null;
        }

        Span<byte> header = stackalloc byte[100];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return null;
            }
        }

        var report = WalCheck.Check(wal, StoreChecks.PageSize(header));
        if (!report.Damaged)
        {
            return null;
        }

        File.Copy(wal, $"{wal}.damaged-{StoreSalvage.Stamp(time.GetUtcNow())}", overwrite: true);
        return report.Detail;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
