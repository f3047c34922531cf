using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Edge.Audit;
using OneStop.Edge.StoreHealth;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The storage port over the node's store health; recovery and housekeeping check the role here, on the server.</summary>
public sealed class EdgeDeskStorage(StoreHealthState health, StoreRecovery recovery, BlobHousekeeping housekeeping, AuthenticationStateProvider authentication, ILogger<EdgeDeskStorage> logger, Audit.EdgeAuditLog? audit = null) : IDeskStorage
{
    public DeskStorageStatus Read()
    {
        var s = health.Current;
        var state = s.Integrity == StoreIntegrity.Corrupt ? DeskStorageState.Corrupt
            : s.EffectiveSpace switch
            {
                StoreSpace.Full => DeskStorageState.Full,
                StoreSpace.Low => DeskStorageState.Low,
                _ => s.Integrity == StoreIntegrity.Ok ? DeskStorageState.Ok : DeskStorageState.Unchecked,
            };
        return new DeskStorageStatus(state, s.IntegrityDetail, s.FreeBytes, s.TotalBytes, s.WrittenBytesPerDay, s.QuickCheckAt, s.QuickCheckMs, s.FullCheckAt, s.RecoveredAt, s.DamagedCopy);
    }

    public async Task<DeskRecoveryResult> RecoverAsync(CancellationToken cancellationToken = default)
    {
        await audit.RecordAsync(await RequireAsync(), AuditActions.Admin, "storage", "recover", cancellationToken);
        try
        {
            var outcome = await recovery.RecoverAsync(cancellationToken);
            return new DeskRecoveryResult(true, StoreRecovery.Describe(outcome.Report));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogError(ex, "Store recovery failed.");
            return new DeskRecoveryResult(false, ex.Message);
        }
    }

    public async Task<long> FreeSpaceAsync(CancellationToken cancellationToken = default)
    {
        await audit.RecordAsync(await RequireAsync(), AuditActions.Admin, "storage", "free space", cancellationToken);
        return (await housekeeping.RunAsync(cancellationToken)).Bytes;
    }

    private Task<System.Security.Claims.ClaimsPrincipal> RequireAsync() => authentication.RequireAsync(DeskAction.ManageStorage);
}
