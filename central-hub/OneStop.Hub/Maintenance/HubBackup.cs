using Microsoft.Data.Sqlite;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Maintenance;

/// <summary>
/// Backing up a running hub and restoring one. The hub's whole state (records, log, acknowledgements,
/// attachments) is one SQLite file, hub.db. See docs/backup.md.
/// </summary>
public static class HubBackup
{
    /// <summary>The database file of a hub data folder.</summary>
    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "hub.db");

    /// <summary>
    /// Copies the live database with SQLite's online backup API: a consistent snapshot, taken while the hub keeps
    /// serving (in WAL mode the copy reads one snapshot and writers carry on). Written beside the target and
    /// renamed into place after a quick check, so a half-written backup never carries the target's name.
    /// </summary>
    public static async Task BackupAsync(SqliteDatabase source, string targetFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = Path.GetFullPath(targetFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        await SqliteSnapshot.CopyAsync(source, partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>
    /// Puts a backup in place of a stopped hub's database and starts a new log epoch in it, so every node's pull
    /// cursor stops matching: each re-pulls its commune and repairs, giving back what the backup lacks.
    /// Returns the new epoch. The hub must not be running (its open connections would keep the old file).
    /// </summary>
    public static async Task<string> RestoreAsync(string backupFile, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var backup = Path.GetFullPath(backupFile);
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"No backup at {backup}.", backup);
        }

        await SqliteSnapshot.QuickCheckFileAsync(backup, cancellationToken);

        Directory.CreateDirectory(dataDirectory);
        var database = DatabasePath(dataDirectory);
        var incoming = database + ".restoring";
        File.Copy(backup, incoming, overwrite: true);

        // A pooled connection (same process) would still point at the replaced file.
        SqliteConnection.ClearAllPools();

        // The old file's write-ahead log belongs to the old file: left beside the restored one it would be replayed into it.
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Move(incoming, database, overwrite: true);
        var epoch = await HubStore.StartNewEpochAsync(new SqliteDatabase(database), cancellationToken);
        SqliteConnection.ClearAllPools();
        return epoch;
    }
}
