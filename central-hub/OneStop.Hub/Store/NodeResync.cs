namespace OneStop.Hub.Store;

/// <summary>
/// A node's re-syncs as the fleet view shows them: how often and when the hub told it its cursor was not from
/// this log (and why), and its repairs: when it last compared, whether it was in sync then, and what moved.
/// </summary>
public sealed record NodeResync(
    long Resets,
    long? LastResetMs,
    string? LastResetReason,
    long? LastRepairMs,
    bool? LastRepairInSync,
    long WritesReceived,
    long RecordsSent);
