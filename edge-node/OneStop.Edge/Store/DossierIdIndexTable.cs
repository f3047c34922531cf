using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// Blind index of each ID number a dossier holds -> the dossier, so a whole CCCD number typed or scanned at the desk is
/// found through an index instead of a scan of every dossier's values (SQLite cannot index inside a JSON object's
/// varying keys). Kept by triggers on <c>records</c> from the <c>…#bi</c> properties the store writes beside each sealed
/// number: every path that writes a record (the desk, a merge from a pull, the sealing pass, a salvage) keeps it in the
/// same transaction, with nothing to call. A store made before the table is filled once at start. DISTINCT, not the
/// triggers' OR IGNORE, keeps one row per number: SQLite applies the firing statement's conflict policy (the store's
/// upsert) inside a trigger, so a dossier holding one number in two fields (a mother filing for her child) failed.
/// </summary>
internal static class DossierIdIndexTable
{
    // Set once the rows of a store written before this table are in it.
    private const string BuiltMetaKey = "dossier_id_index_built";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS dossier_id_index (
            blind_index TEXT NOT NULL,
            record_id TEXT NOT NULL,
            PRIMARY KEY (blind_index, record_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS dossier_id_index_record ON dossier_id_index(record_id);
        CREATE TRIGGER IF NOT EXISTS dossier_id_index_insert AFTER INSERT ON records WHEN NEW.type = 'dossier'
        BEGIN
            INSERT OR IGNORE INTO dossier_id_index (blind_index, record_id)
                SELECT DISTINCT f.value, NEW.id FROM json_each(NEW.data) f WHERE f.key LIKE '%#bi' AND f.type = 'text';
        END;
        CREATE TRIGGER IF NOT EXISTS dossier_id_index_update AFTER UPDATE OF data ON records WHEN NEW.type = 'dossier'
        BEGIN
            DELETE FROM dossier_id_index WHERE record_id = OLD.id;
            INSERT OR IGNORE INTO dossier_id_index (blind_index, record_id)
                SELECT DISTINCT f.value, NEW.id FROM json_each(NEW.data) f WHERE f.key LIKE '%#bi' AND f.type = 'text';
        END;
        CREATE TRIGGER IF NOT EXISTS dossier_id_index_delete AFTER DELETE ON records
        BEGIN
            DELETE FROM dossier_id_index WHERE record_id = OLD.id;
        END;
        """;

    /// <summary>Creates the table and its triggers, and fills it once from the dossiers already stored.</summary>
    public static async Task EnsureAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await MetaTable.ReadAsync(connection, null, BuiltMetaKey, cancellationToken) is not null)
        {
            return;
        }

        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await SqliteDatabase.ExecuteAsync(connection, """
            INSERT OR IGNORE INTO dossier_id_index (blind_index, record_id)
                SELECT DISTINCT f.value, r.id FROM records r, json_each(r.data) f WHERE r.type = 'dossier' AND f.key LIKE '%#bi' AND f.type = 'text';
            """, cancellationToken, transaction);
        await MetaTable.WriteAsync(connection, transaction, BuiltMetaKey, "v1", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
