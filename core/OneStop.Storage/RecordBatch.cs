using System.Data.Common;
using System.Globalization;
using System.Text;
using OneStop.Core.Changes;

namespace OneStop.Storage;

/// <summary>
/// <see cref="RecordTable.MergeAsync"/> for a whole batch of changes with a handful of statements instead of two
/// or three per change: the batch's records loaded in one query, merged in memory in the batch's order (a record
/// changed twice sees its first change), each changed record saved once and its conflicts indexed with multi-row
/// statements. The rows written are the ones the per-change path writes, so both ends keep reading them alike.
/// </summary>
public static class RecordBatch
{
    // Rows per statement: 6 parameters a row stays far below both engines' limits (SQLite 32,766, PostgreSQL 65,535).
    private const int RowsPerStatement = 250;

    /// <summary>Merges <paramref name="changes"/> in order inside the caller's transaction; one result per change, in the same order.</summary>
    public static async Task<IReadOnlyList<MergeResult>> MergeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChangeEntry> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var stored = await LoadManyAsync(connection, transaction, changes.Select(c => c.RecordId).Distinct().ToList(), cancellationToken);
        var current = new Dictionary<Guid, StoredRecord?>(stored.Count);
        foreach (var id in changes.Select(c => c.RecordId))
        {
            current[id] = stored.GetValueOrDefault(id);
        }

        var results = new List<MergeResult>(changes.Count);
        var conflicts = new List<(string Scope, FieldConflict Conflict)>();

        // Saved in the order of each record's last change, as the per-change path gives later saves higher seqs.
        var dirty = new List<Guid>();
        var dirtySet = new HashSet<Guid>();
        foreach (var change in changes)
        {
            var local = current[change.RecordId];
            var result = RecordMerge.Apply(local, change);
            results.Add(result);
            conflicts.AddRange(result.Conflicts.Select(c => (result.Record.Scope, c)));

            // Losing writes are kept in the record too, so compare the whole field map, not just the winners.
            if (local is null || !RecordTable.SameFields(local, result.Record))
            {
                current[change.RecordId] = result.Record;
                if (!dirtySet.Add(change.RecordId))
                {
                    dirty.Remove(change.RecordId);
                }

                dirty.Add(change.RecordId);
            }
        }

        await SaveManyAsync(connection, transaction, [.. dirty.Select(id => current[id]!)], cancellationToken);
        await AddConflictsAsync(connection, transaction, conflicts, cancellationToken);
        return results;
    }

    /// <summary>The stored records among <paramref name="ids"/> (absent ones left out).</summary>
    public static async Task<Dictionary<Guid, StoredRecord>> LoadManyAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<Guid, StoredRecord>(ids.Count);
        foreach (var chunk in ids.Chunk(RowsPerStatement * 4))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var name = "@i" + i.ToString(CultureInfo.InvariantCulture);
                names.Append(i == 0 ? name : "," + name);
                command.AddParameter(name, chunk[i].ToString());
            }

            command.CommandText = $"SELECT id, type, scope, fields FROM records WHERE id IN ({names})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = Guid.Parse(reader.GetString(0));
                found[id] = RecordSealing.Open(connection, new StoredRecord(id, reader.GetString(1), reader.GetString(2), ChangeCodec.DecodeFields(reader.GetString(3))));
            }
        }

        return found;
    }

    /// <summary>Upserts <paramref name="records"/> (each id once), giving them the next updated_seq values in list order.</summary>
    public static async Task SaveManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        long updated;
        await using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            max.CommandText = "SELECT COALESCE(MAX(updated_seq), 0) FROM records";
            updated = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        foreach (var chunk in records.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                rows.Append(i == 0 ? string.Empty : ",").Append($"(@id{n}, @type{n}, @scope{n}, @fields{n}, @data{n}, @seq{n})");
                command.AddParameter("@id" + n, chunk[i].Id.ToString());
                command.AddParameter("@type" + n, chunk[i].Type);
                command.AddParameter("@scope" + n, chunk[i].Scope);
                // Sealed on the way to the disk like every other write path (RecordTable.SaveAsync).
                var sealedRecord = RecordSealing.Seal(connection, chunk[i]);
                command.AddParameter("@fields" + n, ChangeCodec.EncodeFields(sealedRecord.Fields));
                command.AddParameter("@data" + n, RecordSealing.EncodeValues(connection, chunk[i], sealedRecord));
                command.AddParameter("@seq" + n, ++updated);
            }

            command.CommandText = $"""
                INSERT INTO records (id, type, scope, fields, data, updated_seq) VALUES {rows}
                ON CONFLICT(id) DO UPDATE SET fields = excluded.fields, data = excluded.data, updated_seq = excluded.updated_seq
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task AddConflictsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Scope, FieldConflict Conflict)> conflicts, CancellationToken cancellationToken)
    {
        foreach (var chunk in conflicts.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                var (scope, conflict) = chunk[i];
                rows.Append(i == 0 ? string.Empty : ",").Append($"(@id{n}, @record{n}, @scope{n}, @field{n}, @sides{n})");
                command.AddParameter("@id" + n, conflict.Id.ToString());
                command.AddParameter("@record" + n, conflict.RecordId.ToString());
                command.AddParameter("@scope" + n, scope);
                command.AddParameter("@field" + n, conflict.Field);
                command.AddParameter("@sides" + n, ConflictTable.EncodeSides(connection, conflict));
            }

            command.CommandText = $"INSERT INTO conflicts (id, record_id, scope, field, sides) VALUES {rows} ON CONFLICT(id) DO NOTHING";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
