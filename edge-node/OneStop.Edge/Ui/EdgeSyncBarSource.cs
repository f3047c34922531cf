using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;
using OneStop.Edge.Sync;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>The sync agent's snapshot and the store's backlog, as the bar on every page shows them.</summary>
public sealed class EdgeSyncBarSource(SyncStatus status, SyncAgent agent, EdgeStore store, TimeProvider time, SyncQuarantine quarantine, Attachments.AttachmentFetchQueue fetches) : ISyncBarSource
{
    private static readonly TimeSpan ResyncNoticeFor = TimeSpan.FromDays(7);

    public async Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = status.Current;
        // A damaged log must not take every page down with the bar: the admin needs the devices page to recover.
        long backlog;
        try
        {
            backlog = await store.CountBacklogDossiersAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (StoreFailures.Classify(ex) == StoreProblem.Corrupt)
        {
            backlog = -1;
        }

        var link = snapshot.Link switch
        {
            LinkState.Disabled => SyncLink.Disabled,
            LinkState.Syncing => SyncLink.Syncing,
            LinkState.Online => SyncLink.Online,
            _ => SyncLink.Offline,
        };
        var repair = await store.ReadRepairStateAsync(cancellationToken);
        var (fetchesWaiting, fetchError) = await fetches.ReadStateAsync(cancellationToken);
        var resynced = repair.ResyncAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new SyncBarState(link, backlog, snapshot.LastSuccess, snapshot.LastError, snapshot.ClockOffsetMs, snapshot.Pushed, snapshot.Pulled, await quarantine.CountAsync(cancellationToken))
        {
            Incarnation = store.Note is { } note ? new IncarnationNotice(note.Reason, note.At) : null,

            // Said for a week after the re-sync: long enough for every shift to see why records reappeared.
            ResyncedAt = resynced is { } at && time.GetUtcNow() - at < ResyncNoticeFor ? at : null,
            RepairPending = repair.Pending,
            FetchesWaiting = fetchesWaiting,
            FetchError = fetchError ?? snapshot.LastFetchError,
        };
    }

    public void RequestSync() => agent.RequestSync();
}
