using Microsoft.Data.Sqlite;

namespace OneStop.Storage;

/// <summary>
/// A consistent copy of a live database, for hub and node backups alike: SQLite's online backup API reads one
/// snapshot while writers carry on (WAL mode), and the copy is quick-checked before anyone relies on it.
/// </summary>
public static class SqliteSnapshot
{
    /// <summary>Copies <paramref name="source"/> into a new file at <paramref name="targetFile"/> and checks the copy.</summary>
    public static async Task CopyAsync(SqliteDatabase source, string targetFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        File.Delete(targetFile);
        await using var from = await source.OpenAsync(cancellationToken);
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString());
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        await QuickCheckAsync(to, targetFile, cancellationToken);
    }

    /// <summary>Opens <paramref name="file"/> read-only and throws unless SQLite's quick check says "ok".</summary>
    public static async Task QuickCheckFileAsync(string file, CancellationToken cancellationToken = default)
    {
        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await check.OpenAsync(cancellationToken);
        await QuickCheckAsync(check, file, cancellationToken);
    }

    private static async Task QuickCheckAsync(SqliteConnection connection, string file, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (result != "ok")
        {
            throw new InvalidDataException($"{file} failed SQLite's quick check: {result}");
        }
    }
}
