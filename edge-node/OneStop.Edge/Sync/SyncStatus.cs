namespace OneStop.Edge.Sync;

/// <summary>
/// The sync agent's state as the UI and the status API show it. The agent turns "hub unreachable"
/// into state here instead of an exception, because offline is the normal case for a mountain office.
/// </summary>
public sealed class SyncStatus
{
    private readonly object _gate = new();
    private SyncSnapshot _snapshot = new(LinkState.Offline, null, null, null, 0, 0, 0, 0);

    public SyncSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    public void Update(Func<SyncSnapshot, SyncSnapshot> change)
    {
        lock (_gate)
        {
            _snapshot = change(_snapshot);
        }
    }
}

/// <param name="Link">Link state.</param>
/// <param name="LastSuccess">End of the last complete sync round.</param>
/// <param name="LastError">Why the last round failed, in words an admin can act on.</param>
/// <param name="ClockOffsetMs">Hub time minus node time at the last handshake.</param>
/// <param name="Pushed">Entries pushed since start.</param>
/// <param name="Pulled">Entries pulled since start.</param>
/// <param name="Rounds">Completed sync rounds since start.</param>
/// <param name="BlobsUploaded">Attachment contents the hub confirmed since start.</param>
public sealed record SyncSnapshot(
    LinkState Link,
    DateTimeOffset? LastSuccess,
    string? LastError,
    long? ClockOffsetMs,
    long Pushed,
    long Pulled,
    long Rounds,
    long BlobsUploaded)
{
    /// <summary>When the hub last said this node's pull cursor was not from its log (it was restored), so the node re-pulled.</summary>
    public DateTimeOffset? LastResync { get; init; }

    /// <summary>When the last repair (anti-entropy with the hub) finished, and the records it sent and fetched.</summary>
    public DateTimeOffset? LastRepair { get; init; }

    public long RepairSent { get; init; }

    public long RepairFetched { get; init; }

    /// <summary>Why the last repair failed (null after one that finished).</summary>
    public string? LastRepairError { get; init; }

    /// <summary>The hub's time at the last handshake, and when (a <see cref="TimeProvider.GetTimestamp"/> reading) it arrived: the hub's time now, without trusting the wall clock.</summary>
    public long? HubWallMs { get; init; }

    public long? HelloTimestamp { get; init; }

    /// <summary>Attachment contents fetched from the hub (filed online) since start, and why the last fetch failed.</summary>
    public long BlobsFetched { get; init; }

    /// <summary>Bytes of attachment content received from the hub since start: a resumed fetch adds only what it lacked.</summary>
    public long BlobBytesFetched { get; init; }

    public string? LastFetchError { get; init; }

    /// <summary>Scan originals the hub asked this commune for at the last handshake: the node asks which only when there are some.</summary>
    public int OriginalsRequested { get; init; }
}
