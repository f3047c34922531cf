using Microsoft.Data.Sqlite;
using OneStop.Core.Privacy;
using OneStop.Hub.Maintenance;
using OneStop.Hub.Store;
using OneStop.Hub.Tests.Store;
using OneStop.Storage;

namespace OneStop.Hub.Tests.Privacy;

/// <summary>The embedded hub: the raw bytes of hub.db and its WAL.</summary>
public sealed class SqliteHubSealedAtRestTests : HubSealedAtRestTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-hubsealed-").FullName;

    private string DatabasePath => Path.Combine(_root, "hub.db");

    protected override Task<IHubDatabase> CreateDatabaseAsync(PersonalDataCipher? cipher) =>
        Task.FromResult<IHubDatabase>(new SqliteHubDatabase(new SqliteDatabase(DatabasePath) { Cipher = cipher }));

    protected override IHubDatabase Reopen(PersonalDataCipher cipher)
    {
        SqliteConnection.ClearAllPools();
        return new SqliteHubDatabase(new SqliteDatabase(DatabasePath) { Cipher = cipher });
    }

    protected override Task<byte[]> RawAsync()
    {
        SqliteConnection.ClearAllPools();
        using var all = new MemoryStream();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return Task.FromResult(all.ToArray());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>The whole store contract again on an embedded hub that seals: every rule holds on sealed values.</summary>
public sealed class SealedSqliteHubStoreContractTests : HubStoreContractTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-hubsealed-").FullName;

    protected override Task<IHubDatabase> CreateDatabaseAsync() =>
        Task.FromResult<IHubDatabase>(new SqliteHubDatabase(new SqliteDatabase(Path.Combine(_root, "hub.db")) { Cipher = HubSealedAtRestTests.ProvinceCipher }));

    protected override async Task<IHubDatabase> BackUpAndRestoreAsync()
    {
        var backup = Path.Combine(_root, $"backup-{Guid.NewGuid():N}.db");
        await HubBackup.BackupAsync(((SqliteHubDatabase)Database).Database, backup);
        return new SqliteHubDatabase(new SqliteDatabase(backup) { Cipher = HubSealedAtRestTests.ProvinceCipher });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
