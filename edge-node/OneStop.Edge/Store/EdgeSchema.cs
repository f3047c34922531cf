using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>Tables of the edge store: records (shared layout), the node's own change log and its cursors.</summary>
internal static class EdgeSchema
{
    public const string Sql = RecordTable.Schema + DossierLookupIndexes.SqlitePublicCode + """
        CREATE TABLE IF NOT EXISTS change_log (
            seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL,
            entry TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            data BLOB NOT NULL,
            uploaded INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS change_log_retired (
            incarnation TEXT NOT NULL,
            seq INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            entry TEXT NOT NULL,
            PRIMARY KEY (incarnation, seq)
        );
        """ + SyncQuarantine.Schema + MetaTable.Schema + StoreHealth.BlobHousekeeping.Schema;
}
