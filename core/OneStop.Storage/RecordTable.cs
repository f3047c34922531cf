using System.Data.Common;
using OneStop.Core.Changes;

namespace OneStop.Storage;

/// <summary>
/// The records table both ends keep: one row per record with its field versions, plus the live
/// values as a JSON document for json1 queries. Callers pass the connection and transaction so the
/// record and its change-log row commit together.
/// </summary>
public static class RecordTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS records (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            scope TEXT NOT NULL,
            fields TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS records_type_scope ON records(type, scope);
        CREATE INDEX IF NOT EXISTS records_updated ON records(updated_seq);
        """ + ConflictTable.Schema;

    public static async Task<StoredRecord?> LoadAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT type, scope, fields FROM records WHERE id = @id";
        command.AddParameter("@id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return RecordSealing.Open(connection, new StoredRecord(id, reader.GetString(0), reader.GetString(1), ChangeCodec.DecodeFields(reader.GetString(2))));
    }

    public static async Task SaveAsync(DbConnection connection, DbTransaction transaction, StoredRecord record, CancellationToken cancellationToken = default)
    {
        var stored = RecordSealing.Seal(connection, record);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO records (id, type, scope, fields, data, updated_seq)
            VALUES (@id, @type, @scope, @fields, @data, (SELECT COALESCE(MAX(updated_seq), 0) + 1 FROM records))
            ON CONFLICT(id) DO UPDATE SET fields = excluded.fields, data = excluded.data, updated_seq = excluded.updated_seq
            """;
        command.AddParameter("@id", record.Id.ToString());
        command.AddParameter("@type", record.Type);
        command.AddParameter("@scope", record.Scope);
        command.AddParameter("@fields", ChangeCodec.EncodeFields(stored.Fields));
        command.AddParameter("@data", RecordSealing.EncodeValues(connection, record, stored));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Merges a change into the stored record and saves the result, inside the caller's transaction.</summary>
    public static async Task<MergeResult> MergeAsync(DbConnection connection, DbTransaction transaction, ChangeEntry change, CancellationToken cancellationToken = default)
    {
        var local = await LoadAsync(connection, transaction, change.RecordId, cancellationToken);
        var result = RecordMerge.Apply(local, change);
        await SaveMergedAsync(connection, transaction, local, result, cancellationToken);
        return result;
    }

    /// <summary>Saves a merge result and indexes its conflicts; an unchanged record is not rewritten.</summary>
    public static async Task SaveMergedAsync(DbConnection connection, DbTransaction transaction, StoredRecord? local, MergeResult result, CancellationToken cancellationToken = default)
    {
        // Losing writes are kept in the record too, so compare the whole field map, not just the winners.
        if (local is null || !SameFields(local, result.Record))
        {
            await SaveAsync(connection, transaction, result.Record, cancellationToken);
        }

        await ConflictTable.AddAsync(connection, transaction, result.Record.Scope, result.Conflicts, cancellationToken);
    }

    internal static bool SameFields(StoredRecord a, StoredRecord b) =>
        a.Fields.Count == b.Fields.Count && a.Fields.All(pair => b.Fields.TryGetValue(pair.Key, out var other) && other == pair.Value);

    /// <summary>Live values of records of one type (newest change first), as JSON documents.</summary>
    public static async Task<IReadOnlyList<RecordData>> ListAsync(DbConnection connection, string type, string? scope, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = scope is null
            ? "SELECT id, scope, data FROM records WHERE type = @type ORDER BY updated_seq DESC LIMIT @limit"
            : "SELECT id, scope, data FROM records WHERE type = @type AND scope = @scope ORDER BY updated_seq DESC LIMIT @limit";
        command.AddParameter("@type", type);
        command.AddParameter("@scope", (object?)scope ?? DBNull.Value);
        command.AddParameter("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<RecordData>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = Guid.Parse(reader.GetString(0));
            list.Add(new RecordData(id, type, reader.GetString(1), RecordSealing.OpenValues(connection, id, reader.GetString(2))));
        }

        return list;
    }

    public static async Task<long> CountAsync(DbConnection connection, string type, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM records WHERE type = @type";
        command.AddParameter("@type", type);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A record's live values as a JSON object, for reading screens and APIs.</summary>
public sealed record RecordData(Guid Id, string Type, string Scope, string DataJson)
{
    public static RecordData Of(StoredRecord record) =>
        new(record.Id, record.Type, record.Scope, ChangeCodec.EncodeValues(record));
}
