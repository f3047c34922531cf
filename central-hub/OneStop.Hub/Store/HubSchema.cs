using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// Tables of the hub store. hub_log is the one global ordered log that nodes pull; its seq is
/// assigned inside the writing transaction and SQLite admits one writer at a time, so seqs become
/// visible in commit order and a reader's cursor can never pass an entry that commits later.
/// </summary>
internal static class HubSchema
{
    /// <summary>The columns of hub_log, once: the schema creates it with them and <see cref="HubLogMigration"/> rebuilds an old one into them.</summary>
    public const string HubLogColumns = """
            hub_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            origin_node TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            entry TEXT NOT NULL,
            clamped INTEGER NOT NULL DEFAULT 0,
            origin_incarnation TEXT NOT NULL DEFAULT '',
            digest TEXT,
            UNIQUE (origin_node, origin_incarnation, origin_seq)
        """;

    public const string Sql = RecordTable.Schema + "CREATE TABLE IF NOT EXISTS hub_log (" + HubLogColumns + ");" + """
        CREATE INDEX IF NOT EXISTS hub_log_scope ON hub_log(scope, hub_seq);
        CREATE TABLE IF NOT EXISTS node_state (
            node_id TEXT PRIMARY KEY,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            last_version TEXT,
            last_seen_ms INTEGER,
            last_clock_offset_ms INTEGER,
            reported_backlog INTEGER,
            software_version TEXT,
            devices TEXT,
            last_error TEXT
        );
        CREATE TABLE IF NOT EXISTS attachments (
            sha256 TEXT PRIMARY KEY,
            total_size INTEGER NOT NULL,
            received INTEGER NOT NULL DEFAULT 0,
            complete INTEGER NOT NULL DEFAULT 0,
            content_type TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS attachment_chunks (
            sha256 TEXT NOT NULL,
            offset INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, offset)
        );
        """ + IncarnationTable.Schema + QuarantineTable.Schema + MetaTable.Schema;
}
