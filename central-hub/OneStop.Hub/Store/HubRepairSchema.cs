using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// Tables of the hub's log epoch and anti-entropy: the digest cache both ends keep, and per node when the hub
/// last told it its cursor was not from this log and what its repairs moved, for the fleet view.
/// </summary>
internal static class HubRepairSchema
{
    public const string Sql = RecordDigestTable.Schema + """
        CREATE TABLE IF NOT EXISTS node_resync (
            node_id TEXT PRIMARY KEY,
            resets INTEGER NOT NULL DEFAULT 0,
            last_reset_ms INTEGER,
            last_reset_reason TEXT,
            last_repair_ms INTEGER,
            last_repair_in_sync INTEGER,
            writes_received INTEGER NOT NULL DEFAULT 0,
            records_sent INTEGER NOT NULL DEFAULT 0
        );
        """;
}
