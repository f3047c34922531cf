using Google.Protobuf;
using Microsoft.Data.Sqlite;
using OneStop.Protocol.V1;

namespace OneStop.Bench.Harness;

/// <summary>
/// The most SQLite on this disk can take with the hub's durability settings (WAL, synchronous=FULL):
/// each entry written as one record row and one log row, 500 to a transaction, prepared statements, no
/// merge, no checks. The hub's ingest rate is reported as a fraction of this ceiling.
/// </summary>
internal static class RawSqliteCeiling
{
    public static double RecordsPerSecond(IReadOnlyList<ChangeEntry> entries, int batch, TimeProvider time)
    {
        var path = Path.Combine(RepoPaths.Scratch, $"ceiling-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(RepoPaths.Scratch);
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, scope TEXT NOT NULL, data TEXT NOT NULL);
                CREATE TABLE log (seq INTEGER PRIMARY KEY, origin TEXT NOT NULL, origin_seq INTEGER NOT NULL, record_id TEXT NOT NULL, scope TEXT NOT NULL, entry TEXT NOT NULL);
                """);
            var formatter = JsonFormatter.Default;
            var rows = entries.Select(e => (e, formatter.Format(e))).ToList();
            var start = time.GetTimestamp();
            for (var offset = 0; offset < rows.Count; offset += batch)
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT OR REPLACE INTO records (id, type, scope, data) VALUES ($id, $type, $scope, $data)";
                var (id, type, scope, data) = (record.Parameters.Add("$id", SqliteType.Text), record.Parameters.Add("$type", SqliteType.Text), record.Parameters.Add("$scope", SqliteType.Text), record.Parameters.Add("$data", SqliteType.Text));
                using var log = connection.CreateCommand();
                log.Transaction = transaction;
                log.CommandText = "INSERT INTO log (origin, origin_seq, record_id, scope, entry) VALUES ($origin, $seq, $record, $scope, $entry)";
                var (origin, seq, recordId, logScope, text) = (log.Parameters.Add("$origin", SqliteType.Text), log.Parameters.Add("$seq", SqliteType.Integer), log.Parameters.Add("$record", SqliteType.Text), log.Parameters.Add("$scope", SqliteType.Text), log.Parameters.Add("$entry", SqliteType.Text));
                foreach (var (entry, json) in rows.Skip(offset).Take(batch))
                {
                    (id.Value, type.Value, scope.Value, data.Value) = (entry.RecordId, entry.RecordType, entry.Scope, json);
                    record.ExecuteNonQuery();
                    (origin.Value, seq.Value, recordId.Value, logScope.Value, text.Value) = (entry.OriginNode, entry.OriginSeq, entry.RecordId, entry.Scope, json);
                    log.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            return rows.Count / time.GetElapsedTime(start).TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(RepoPaths.Scratch, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
