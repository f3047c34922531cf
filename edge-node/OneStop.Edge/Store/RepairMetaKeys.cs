namespace OneStop.Edge.Store;

/// <summary>Keys of the edge store's meta table for the pull cursor's fingerprint, re-syncs and repairs.</summary>
public static class RepairMetaKeys
{
    /// <summary>The hub's fingerprint of its log at the pull cursor, sent back with the next pull.</summary>
    public const string PullMark = "pull_mark";

    /// <summary>"1" from a cursor reset (or a request) until the repair after it has finished.</summary>
    public const string RepairPending = "repair_pending";

    /// <summary>When the hub last said the cursor was not from its log (Unix ms), and why.</summary>
    public const string ResyncAtMs = "resync_at_ms";

    public const string ResyncReason = "resync_reason";

    /// <summary>When the last repair finished (Unix ms), and what it moved: records sent, records fetched.</summary>
    public const string RepairAtMs = "repair_at_ms";

    public const string RepairSent = "repair_sent";

    public const string RepairFetched = "repair_fetched";
}
