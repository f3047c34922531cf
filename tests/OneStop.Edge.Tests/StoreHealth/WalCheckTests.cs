using Microsoft.Data.Sqlite;
using OneStop.Edge.StoreHealth;
using OneStop.Storage;

namespace OneStop.Edge.Tests.StoreHealth;

/// <summary>WAL files as a power cut leaves them (copied while the writer still has them open), then damaged.</summary>
public sealed class WalCheckTests : IDisposable
{
    private const int Commits = 20;
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-wal-").FullName;

    [Fact]
    public async Task Check_FrameInTheMiddleOverwritten_ReportsTheCommitsSqliteWouldDrop()
    {
        var (db, wal) = await SnapshotWithWalAsync();
        Assert.False(WalCheck.Check(wal, 4096).Damaged);
        var frameBytes = 24 + 4096;
        // The page data of the 8th frame: a flipped block, the frame header intact.
        SqliteDamage.OverwriteBytes(wal, 32 + (7 * frameBytes) + 24 + 1000, 512, seed: 4);

        var report = WalCheck.Check(wal, 4096);

        Assert.True(report.Damaged, report.Detail);
        Assert.True(report.CommitsLost > 0);
        // SQLite itself confirms it: opening the pair shows fewer rows than were committed.
        Assert.True(await CountRowsAsync(db) < Commits);
    }

    [Fact]
    public async Task Check_LastFrameTorn_IsACrashNotDamage()
    {
        var (_, wal) = await SnapshotWithWalAsync();
        var length = new FileInfo(wal).Length;
        SqliteDamage.OverwriteBytes(wal, length - 2048, 2048, seed: 5);

        var report = WalCheck.Check(wal, 4096);

        Assert.False(report.Damaged, report.Detail);
    }

    [Fact]
    public async Task Check_HeaderOverwritten_ReportsEveryFrameIgnored()
    {
        var (_, wal) = await SnapshotWithWalAsync();
        SqliteDamage.OverwriteBytes(wal, 0, 32, seed: 6);

        var report = WalCheck.Check(wal, 4096);

        Assert.True(report.Damaged);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A database with <see cref="Commits"/> transactions still in its WAL, copied as a power cut would leave it.</summary>
    private async Task<(string Db, string Wal)> SnapshotWithWalAsync()
    {
        var live = Path.Combine(_root, "live.db");
        await using var connection = new SqliteConnection($"Data Source={live};Pooling=False");
        await connection.OpenAsync();
        await SqliteDatabase.ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB);");
        for (var i = 0; i < Commits; i++)
        {
            await SqliteDatabase.ExecuteAsync(connection, $"INSERT INTO t (body) VALUES (randomblob(3000));");
        }

        var copy = Path.Combine(_root, "copy.db");
        File.Copy(live, copy);
        File.Copy(live + "-wal", copy + "-wal");
        return (copy, copy + "-wal");
    }

    private static async Task<long> CountRowsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
