using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The console's own tables (province accounts, audit, node history) in their own SQLite file beside the
/// hub's: they describe who runs the hub, not the synced data, so they stay put whichever store holds the
/// records and a restore of the records does not roll back who may sign in or what the audit saw.
/// </summary>
public sealed class ConsoleDatabase(string path)
{
    public const string FileName = "console.db";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS console_accounts (
            user_name TEXT PRIMARY KEY COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_in_a_row INTEGER NOT NULL DEFAULT 0,
            locked_until_ms INTEGER,
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS console_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT
        );
        CREATE TABLE IF NOT EXISTS node_history (
            node_id TEXT NOT NULL,
            seen_ms INTEGER NOT NULL,
            backlog INTEGER,
            clock_offset_ms INTEGER,
            software_version TEXT,
            last_refusal TEXT,
            faulty_devices INTEGER NOT NULL,
            PRIMARY KEY (node_id, seen_ms)
        );
        """;

    public SqliteDatabase Database { get; } = new(path);

    public Task InitialiseAsync(CancellationToken cancellationToken) => Database.EnsureSchemaAsync(Schema, cancellationToken);
}
