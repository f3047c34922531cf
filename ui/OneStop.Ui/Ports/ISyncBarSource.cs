namespace OneStop.Ui.Ports;

/// <summary>The sync agent as the bar on every page sees it.</summary>
public interface ISyncBarSource
{
    Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks for a sync round now instead of at the next interval.</summary>
    void RequestSync();
}

/// <param name="Link">Link to the hub.</param>
/// <param name="Backlog">Dossiers with changes the hub has not acknowledged yet; negative when the store cannot count them (damaged).</param>
/// <param name="LastSuccess">End of the last complete round.</param>
/// <param name="LastError">Why the last round failed.</param>
/// <param name="ClockOffsetMs">Hub time minus node time at the last handshake.</param>
/// <param name="Pushed">Entries pushed since start.</param>
/// <param name="Pulled">Entries pulled since start.</param>
/// <param name="Quarantined">Own changes too large to send, held on this node (the hub lists them too).</param>
public sealed record SyncBarState(SyncLink Link, long Backlog, DateTimeOffset? LastSuccess, string? LastError, long? ClockOffsetMs, long Pushed, long Pulled, long Quarantined = 0)
{
    /// <summary>The node last started a new change log (reinstalled, restored, moved or cloned): said on the desk.</summary>
    public IncarnationNotice? Incarnation { get; init; }

    /// <summary>When the node last re-pulled its commune because the hub was restored (null: not lately).</summary>
    public DateTimeOffset? ResyncedAt { get; init; }

    /// <summary>The repair after that re-pull has not finished yet.</summary>
    public bool RepairPending { get; init; }

    /// <summary>Attachments of online filings the node has not downloaded from the hub yet.</summary>
    public int FetchesWaiting { get; init; }

    /// <summary>Why the last download of such an attachment failed (technical; the bar shows it as a tooltip).</summary>
    public string? FetchError { get; init; }
}

/// <param name="Reason">moved, regressed, clash or rebuilt: the key of the words the bar shows.</param>
/// <param name="At">When the node noticed.</param>
public sealed record IncarnationNotice(string Reason, DateTimeOffset At);

public enum SyncLink
{
    /// <summary>No hub configured: the node works alone.</summary>
    Disabled,
    Offline,
    Syncing,
    Online,
}
