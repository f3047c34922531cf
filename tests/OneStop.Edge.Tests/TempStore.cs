using Microsoft.Data.Sqlite;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Tests;

/// <summary>An edge store on a SQLite file in a temp folder; reopen it to simulate a restart.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-edge-test-").FullName;

    public TempStore(string nodeId = "node-t") => NodeId = nodeId;

    public string NodeId { get; }

    // Sealed like a real node's, so every store test also runs the sealing read and write paths.
    public SqliteDatabase Database => new(Path.Combine(_root, "edge.db")) { Cipher = OneStop.Edge.Privacy.NodeDataKey.Open(_root) };

    /// <summary>The file the store's data lives in, for tests that read its raw bytes.</summary>
    public string DatabasePath => Path.Combine(_root, "edge.db");

    public async Task<EdgeStore> OpenAsync(TimeProvider time)
    {
        var store = new EdgeStore(Database, NodeId);
        await store.InitialiseAsync(time);
        return store;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await SqliteDatabase.ExecuteAsync(connection, sql);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
