using OneStop.Hub.Maintenance;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Tests.Store;

/// <summary>The store contract on the embedded SQLite engine (the default), one file per test.</summary>
public sealed class SqliteHubStoreContractTests : HubStoreContractTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-hubstore-").FullName;

    protected override Task<IHubDatabase> CreateDatabaseAsync() =>
        Task.FromResult<IHubDatabase>(new SqliteHubDatabase(new SqliteDatabase(Path.Combine(_root, "hub.db"))));

    protected override async Task<IHubDatabase> BackUpAndRestoreAsync()
    {
        var backup = Path.Combine(_root, $"backup-{Guid.NewGuid():N}.db");
        await HubBackup.BackupAsync(((SqliteHubDatabase)Database).Database, backup);
        return new SqliteHubDatabase(new SqliteDatabase(backup));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
