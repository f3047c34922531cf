using System.Data.Common;

namespace OneStop.Storage;

/// <summary>Small named values a store keeps beside its records: cursors, the last HLC reading.</summary>
public static class MetaTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """;

    public static async Task<string?> ReadAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = @key";
        command.AddParameter("@key", key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string key, string value, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.AddParameter("@key", key);
        command.AddParameter("@value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
