using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;
using OneStop.Protocol.V1;

namespace OneStop.Bench.Harness;

/// <summary>
/// The most the bench's PostgreSQL server takes with the hub's durability (fsync on, synchronous_commit on):
/// the same rows as <see cref="RawSqliteCeiling"/> (one record row and one log row per entry, 500 to a
/// transaction) written with binary COPY, PostgreSQL's fastest way in, from one connection; no merge, no checks.
/// </summary>
internal static class RawPostgresCeiling
{
    public static async Task<double> RecordsPerSecondAsync(string connectionString, IReadOnlyList<ChangeEntry> entries, int batch, TimeProvider time)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, scope TEXT NOT NULL, data TEXT NOT NULL);
            CREATE TEMP TABLE records_in (id TEXT NOT NULL, type TEXT NOT NULL, scope TEXT NOT NULL, data TEXT NOT NULL) ON COMMIT DELETE ROWS;
            CREATE TABLE log (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, origin TEXT NOT NULL, origin_seq BIGINT NOT NULL, record_id TEXT NOT NULL, scope TEXT NOT NULL, entry TEXT NOT NULL);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var formatter = JsonFormatter.Default;
        var rows = entries.Select(e => (Entry: e, Json: formatter.Format(e))).ToList();
        var start = time.GetTimestamp();
        foreach (var chunk in rows.Chunk(batch))
        {
            await using var transaction = await connection.BeginTransactionAsync();

            // Records are upserted (a correction rewrites one written before) through a staging table, one copy of each
            // per batch (an upsert may not touch a row twice).
            await using (var records = await connection.BeginBinaryImportAsync("COPY records_in (id, type, scope, data) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (entry, json) in chunk.GroupBy(r => r.Entry.RecordId).Select(g => g.Last()))
                {
                    await records.StartRowAsync();
                    await records.WriteAsync(entry.RecordId, NpgsqlDbType.Text);
                    await records.WriteAsync(entry.RecordType, NpgsqlDbType.Text);
                    await records.WriteAsync(entry.Scope, NpgsqlDbType.Text);
                    await records.WriteAsync(json, NpgsqlDbType.Text);
                }

                await records.CompleteAsync();
            }

            await using (var upsert = new NpgsqlCommand("INSERT INTO records SELECT * FROM records_in ON CONFLICT (id) DO UPDATE SET data = excluded.data", connection, transaction))
            {
                await upsert.ExecuteNonQueryAsync();
            }

            await using (var log = await connection.BeginBinaryImportAsync("COPY log (origin, origin_seq, record_id, scope, entry) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (entry, json) in chunk)
                {
                    await log.StartRowAsync();
                    await log.WriteAsync(entry.OriginNode, NpgsqlDbType.Text);
                    await log.WriteAsync(entry.OriginSeq, NpgsqlDbType.Bigint);
                    await log.WriteAsync(entry.RecordId, NpgsqlDbType.Text);
                    await log.WriteAsync(entry.Scope, NpgsqlDbType.Text);
                    await log.WriteAsync(json, NpgsqlDbType.Text);
                }

                await log.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return rows.Count / time.GetElapsedTime(start).TotalSeconds;
    }
}
