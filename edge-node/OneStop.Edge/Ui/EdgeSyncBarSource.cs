using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;
using OneStop.Edge.Sync;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>The sync agent's snapshot and the store's backlog, as the bar on every page shows them.</summary>
public sealed class EdgeSyncBarSource(SyncStatus status, SyncAgent agent, EdgeStore store) : ISyncBarSource
{
    public async Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = status.Current;
        // A damaged log must not take every page down with the bar: the admin needs the devices page to recover.
        long backlog;
        try
        {
            backlog = await store.CountBacklogAsync(cancellationToken);
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
        return new SyncBarState(link, backlog, snapshot.LastSuccess, snapshot.LastError, snapshot.ClockOffsetMs, snapshot.Pushed, snapshot.Pulled);
    }

    public void RequestSync() => agent.RequestSync();
}
