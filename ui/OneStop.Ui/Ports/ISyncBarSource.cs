namespace OneStop.Ui.Ports;

/// <summary>The sync agent as the bar on every page sees it.</summary>
public interface ISyncBarSource
{
    Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks for a sync round now instead of at the next interval.</summary>
    void RequestSync();
}

/// <param name="Link">Link to the hub.</param>
/// <param name="Backlog">Own changes the hub has not acknowledged yet.</param>
/// <param name="LastSuccess">End of the last complete round.</param>
/// <param name="LastError">Why the last round failed.</param>
/// <param name="ClockOffsetMs">Hub time minus node time at the last handshake.</param>
/// <param name="Pushed">Entries pushed since start.</param>
/// <param name="Pulled">Entries pulled since start.</param>
/// <param name="Quarantined">Own changes too large to send, held on this node (the hub lists them too).</param>
public sealed record SyncBarState(SyncLink Link, long Backlog, DateTimeOffset? LastSuccess, string? LastError, long? ClockOffsetMs, long Pushed, long Pulled, long Quarantined = 0);

public enum SyncLink
{
    /// <summary>No hub configured: the node works alone.</summary>
    Disabled,
    Offline,
    Syncing,
    Online,
}
