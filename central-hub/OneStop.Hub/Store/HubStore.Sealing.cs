using OneStop.Storage;

namespace OneStop.Hub.Store;

public sealed partial class HubStore
{
    /// <summary>
    /// Seals, once, the personal values a hub written before sealing holds in clear (records, conflicts, the global
    /// log), on SQLite and PostgreSQL alike, and marks the store done in its meta; runs again over them when the
    /// catalogue marked a form key personal since. Attachment content stored in clear is sealed too, once
    /// (<see cref="SealStoredContentAsync"/>). Feeds the cipher the catalogue's marks first. On SQLite the file is
    /// vacuumed after, so the old plaintext does not linger in free pages.
    /// </summary>
    /// <returns>The rows sealed now (0 when the store was sealed already or has no cipher).</returns>
    public async Task<long> SealExistingAsync(CancellationToken cancellationToken = default)
    {
        SealingDue? due;
        await using (var check = await database.OpenConnectionAsync(cancellationToken))
        {
            due = await PlaintextSealing.DueAsync(check, cancellationToken);
        }

        var sealedRows = await SealStoredContentAsync(cancellationToken);
        if (due is { Due: true })
        {
            sealedRows += await _writer.WriteAsync(async (connection, transaction) =>
            {
                var rows = await PlaintextSealing.SealRecordsAsync(connection, transaction, cancellationToken);
                rows += await PlaintextSealing.SealConflictsAsync(connection, transaction, cancellationToken);
                rows += await PlaintextSealing.SealLogAsync(connection, transaction, "hub_log", "hub_seq", cancellationToken);
                await PlaintextSealing.MarkDoneAsync(connection, transaction, due, cancellationToken);
                return rows;
            }, null, cancellationToken);
        }

        if (sealedRows > 0 && database is SqliteHubDatabase)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        return sealedRows;
    }
}
