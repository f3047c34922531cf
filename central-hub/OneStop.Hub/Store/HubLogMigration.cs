using Microsoft.Data.Sqlite;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// Brings a hub database of the build before incarnations to the current hub_log: entries are named by
/// (origin node, origin incarnation, origin seq), so the old UNIQUE(origin_node, origin_seq) would refuse a
/// rebuilt node's seq 1. SQLite cannot change a constraint in place: the table is rebuilt in one transaction
/// (hub_seq kept, so every node's pull cursor stays valid), old entries become incarnation "" (legacy) with an
/// unknown digest, and each node's acknowledgement becomes its legacy incarnation's.
/// </summary>
internal static class HubLogMigration
{
    public static async Task RunAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await HasIncarnationColumnAsync(connection, null, cancellationToken))
        {
            return;
        }

        using var transaction = SqliteDatabase.BeginWrite(connection);

        // Checked again under the write lock: another hub instance on the same file may have migrated meanwhile.
        if (await HasIncarnationColumnAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        await SqliteDatabase.ExecuteAsync(connection, "CREATE TABLE hub_log_migrated (" + HubSchema.HubLogColumns + ");" + """
            INSERT INTO hub_log_migrated (hub_seq, origin_node, origin_seq, record_id, scope, entry, clamped)
                SELECT hub_seq, origin_node, origin_seq, record_id, scope, entry, clamped FROM hub_log ORDER BY hub_seq;
            DROP TABLE hub_log;
            ALTER TABLE hub_log_migrated RENAME TO hub_log;
            CREATE INDEX IF NOT EXISTS hub_log_scope ON hub_log(scope, hub_seq);
            INSERT OR IGNORE INTO node_incarnations (node_id, incarnation, acked_seq)
                SELECT node_id, '', acked_seq FROM node_state WHERE acked_seq > 0;
            """, cancellationToken, transaction);
        transaction.Commit();
    }

    private static async Task<bool> HasIncarnationColumnAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('hub_log') WHERE name = 'origin_incarnation'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
