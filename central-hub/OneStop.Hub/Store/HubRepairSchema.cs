namespace OneStop.Hub.Store;

/// <summary>
/// Per node, when the hub last told it its cursor was not from this log and what its repairs moved, for the
/// fleet view. (The digest cache is <see cref="OneStop.Storage.RecordDigestTable"/>'s own.)
/// </summary>
internal static class HubRepairSchema
{
    public const string Sql = """
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
