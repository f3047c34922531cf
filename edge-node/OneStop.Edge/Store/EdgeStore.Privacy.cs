using Microsoft.Data.Sqlite;
using OneStop.Core.Privacy;
using OneStop.Storage;

namespace OneStop.Edge.Store;

public sealed partial class EdgeStore
{
    /// <summary>
    /// Seals, once, what a store written before sealing holds in clear: personal values of records, change-log entries
    /// (current and retired) and conflicts, and attachment content; then vacuums, so the old plaintext does not linger
    /// in free pages. Nothing is logged: values are unchanged, only their form on the disk. Later writes are sealed as
    /// they happen; a value still plaintext (a copy restored from an older file) reads as it is. Feeds the cipher the
    /// form keys the catalogue marks personal first, and runs again over the records when a key was marked since.
    /// </summary>
    /// <returns>The rows sealed now (0 when the store was sealed already or has no cipher).</returns>
    public async Task<long> SealExistingAsync(CancellationToken cancellationToken = default)
    {
        if (_database.Cipher is not { } cipher)
        {
            return 0;
        }

        SealingDue? due;
        await using (var check = await _database.OpenAsync(cancellationToken))
        {
            due = await PlaintextSealing.DueAsync(check, cancellationToken);
        }

        if (due is not { Due: true })
        {
            return 0;
        }

        BeforeWrite?.Invoke();
        var sealedRows = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var rows = await PlaintextSealing.SealRecordsAsync(connection, transaction, cancellationToken);
            rows += await PlaintextSealing.SealConflictsAsync(connection, transaction, cancellationToken);
            rows += await PlaintextSealing.SealLogAsync(connection, transaction, "change_log", "rowid", cancellationToken);
            rows += await PlaintextSealing.SealLogAsync(connection, transaction, "change_log_retired", "rowid", cancellationToken);
            if (due.FirstPass)
            {
                rows += await SealBlobsAsync(connection, transaction, cipher, cancellationToken);
                rows += await DropPlainFetchPiecesAsync(connection, transaction, cancellationToken);
            }

            await PlaintextSealing.MarkDoneAsync(connection, transaction, due, cancellationToken);
            return rows;
        }, null, cancellationToken);

        if (sealedRows > 0)
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await SqliteDatabase.ExecuteAsync(connection, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        return sealedRows;
    }

    /// <summary>
    /// Pieces of a fetch that an earlier build cut mid-way are in clear: they are dropped rather than sealed, and the
    /// fetch starts again from the first byte (once, at the upgrade), so one sealing rule holds for pieces.
    /// </summary>
    private static async Task<long> DropPlainFetchPiecesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'attachment_fetch_pieces'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return 0;
        }

        command.CommandText = "DELETE FROM attachment_fetch_pieces WHERE substr(data, 1, 4) <> $sealed";
        command.Parameters.AddWithValue("$sealed", PersonalDataCipher.ContentMagic.ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> SealBlobsAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataCipher cipher, CancellationToken cancellationToken)
    {
        var plain = new List<(string Sha, byte[] Data)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT sha256, data FROM blobs WHERE length(data) > 0";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var data = (byte[])reader.GetValue(1);
                if (!PersonalDataCipher.IsSealedContent(data))
                {
                    plain.Add((reader.GetString(0), data));
                }
            }
        }

        foreach (var (sha, data) in plain)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE blobs SET data = $data WHERE sha256 = $sha";
            update.Parameters.AddWithValue("$data", cipher.SealContent(sha, data));
            update.Parameters.AddWithValue("$sha", sha);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return plain.Count;
    }
}
