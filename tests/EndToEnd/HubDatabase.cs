using Microsoft.Data.Sqlite;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Reads the hub's SQLite file directly (read-only, beside the running hub in WAL mode): evidence from what
/// the hub stored, not from the API under test.
/// </summary>
internal static class HubDatabase
{
    public static List<T> Query<T>(SyncCluster cluster, string sql, Func<SqliteDataReader, T> row, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.HubDataDirectory, "hub.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
