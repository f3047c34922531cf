using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Core.Privacy;
using OneStop.Storage;

namespace OneStop.Edge.Store;

public sealed partial class EdgeStore
{
    private const string SealedMetaKey = "personal_data_sealed";

    /// <summary>
    /// Seals, once, what a store written before sealing holds in clear: personal values of records, change-log entries
    /// (current and retired) and conflicts, and attachment content; then vacuums, so the old plaintext does not linger
    /// in free pages. Nothing is logged: values are unchanged, only their form on the disk. Later writes are sealed as
    /// they happen; a value still plaintext (a copy restored from an older file) reads as it is.
    /// </summary>
    /// <returns>The rows sealed now (0 when the store was sealed already or has no cipher).</returns>
    public async Task<long> SealExistingAsync(CancellationToken cancellationToken = default)
    {
        if (_database.Cipher is not { } cipher)
        {
            return 0;
        }

        await using (var check = await _database.OpenAsync(cancellationToken))
        {
            if (await MetaTable.ReadAsync(check, null, SealedMetaKey, cancellationToken) is not null)
            {
                return 0;
            }
        }

        BeforeWrite?.Invoke();
        var sealedRows = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var rows = await SealRecordsAsync(connection, transaction, cancellationToken);
            rows += await SealLogAsync(connection, transaction, "change_log", cancellationToken);
            rows += await SealLogAsync(connection, transaction, "change_log_retired", cancellationToken);
            rows += await SealBlobsAsync(connection, transaction, cipher, cancellationToken);
            rows += await DropPlainFetchPiecesAsync(connection, transaction, cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, SealedMetaKey, "v1", cancellationToken);
            return rows;
        }, null, cancellationToken);

        if (sealedRows > 0)
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await SqliteDatabase.ExecuteAsync(connection, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        return sealedRows;
    }

    private static async Task<long> SealRecordsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var cipher = RecordSealing.Of(connection)!;
        var ids = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id, fields FROM records WHERE type = $type";
            command.Parameters.AddWithValue("$type", RecordTypes.Dossier);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (ChangeCodec.DecodeFields(reader.GetString(1)).Values.Any(write => NeedsSealing(cipher, write)))
                {
                    ids.Add(Guid.Parse(reader.GetString(0)));
                }
            }
        }

        foreach (var id in ids)
        {
            // Load opens what is sealed and leaves plaintext as it is; save seals every personal value.
            var record = (await RecordTable.LoadAsync(connection, transaction, id, cancellationToken))!;
            await RecordTable.SaveAsync(connection, transaction, record, cancellationToken);
        }

        long sealedRows = ids.Count;
        // Conflict sides hold values too: rewrite each row sealed (ids are derived from the writes, so they stay).
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id, record_id, sides FROM conflicts";
            var rewrites = new List<(string Id, string Sides)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var recordId = Guid.Parse(reader.GetString(1));
                    var sides = ChangeCodec.DecodeFields(reader.GetString(2));
                    var sealedSides = sides.ToDictionary(pair => pair.Key, pair => cipher.Seal(recordId, RecordTypes.Dossier, pair.Value), StringComparer.Ordinal);
                    var encoded = ChangeCodec.EncodeFields(sealedSides);
                    if (encoded != reader.GetString(2))
                    {
                        rewrites.Add((reader.GetString(0), encoded));
                    }
                }
            }

            sealedRows += rewrites.Count;
            foreach (var (id, sides) in rewrites)
            {
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE conflicts SET sides = $sides WHERE id = $id";
                update.Parameters.AddWithValue("$sides", sides);
                update.Parameters.AddWithValue("$id", id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return sealedRows;
    }

    private static async Task<long> SealLogAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken cancellationToken)
    {
        var rewrites = new List<(long RowId, string Entry)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT rowid, entry FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = reader.GetString(1);
                var resealed = RecordSealing.EncodeEntry(connection, ChangeCodec.DecodeEntry(stored));
                if (resealed != stored)
                {
                    rewrites.Add((reader.GetInt64(0), resealed));
                }
            }
        }

        foreach (var (rowId, entry) in rewrites)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {table} SET entry = $entry WHERE rowid = $rowid";
            update.Parameters.AddWithValue("$entry", entry);
            update.Parameters.AddWithValue("$rowid", rowId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewrites.Count;
    }

    private static bool NeedsSealing(PersonalDataCipher cipher, FieldChange write) =>
        write.Json is { } json && !write.Deleted && cipher.IsPersonal(RecordTypes.Dossier, write.Name)
        && !json.StartsWith("\"" + FieldEnvelope.Prefix, StringComparison.Ordinal);

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
