using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>The sync agent's snapshot and the store's backlog, as the bar on every page shows them.</summary>
public sealed class EdgeSyncBarSource(SyncStatus status, SyncAgent agent, EdgeStore store, SyncQuarantine quarantine) : ISyncBarSource
{
    public async Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = status.Current;
        var backlog = await store.CountBacklogAsync(cancellationToken);
        var link = snapshot.Link switch
        {
            LinkState.Disabled => SyncLink.Disabled,
            LinkState.Syncing => SyncLink.Syncing,
            LinkState.Online => SyncLink.Online,
            _ => SyncLink.Offline,
        };
        return new SyncBarState(link, backlog, snapshot.LastSuccess, snapshot.LastError, snapshot.ClockOffsetMs, snapshot.Pushed, snapshot.Pulled, await quarantine.CountAsync(cancellationToken));
    }

    public void RequestSync() => agent.RequestSync();
}
