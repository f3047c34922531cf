using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// Own change-log entries too large to send. Each stays in the log and its record stays on the node; the
/// hub got a stand-in so the entries after it flow. Listed here for the sync bar and the status API.
/// </summary>
public sealed class SyncQuarantine(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS sync_quarantine (
            seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            at_ms INTEGER NOT NULL
        );
        """;

    public async Task AddAsync(long seq, Guid recordId, int bytes, long atMs, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sync_quarantine (seq, record_id, bytes, at_ms) VALUES ($seq, $record, $bytes, $at) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$record", recordId.ToString());
        command.Parameters.AddWithValue("$bytes", bytes);
        command.Parameters.AddWithValue("$at", atMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sync_quarantine";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
