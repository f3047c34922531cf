using Npgsql;
using OneStop.Hub.Store;

namespace OneStop.Hub.Tests.Store;

/// <summary>The store contract on a real PostgreSQL server, a fresh database per test; plus its migrations.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHubStoreContractTests(PostgresServerFixture server) : HubStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IHubDatabase> CreateDatabaseAsync() => new PostgresHubDatabase(_connectionString = await server.CreateDatabaseAsync());

    protected override async Task<IHubDatabase> BackUpAndRestoreAsync() => new PostgresHubDatabase(await server.DumpAndRestoreAsync(_connectionString!));

    [SkippableFact]
    public async Task MigrateAsync_RunTwiceAndByTwoInstancesAtOnce_EachVersionAppliedOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var one = new PostgresHubDatabase(connectionString);
        await using var two = new PostgresHubDatabase(connectionString);

        await Task.WhenAll(one.MigrateAsync(), two.MigrateAsync());
        await one.MigrateAsync();

        Assert.Equal(PostgresHubSchemaVersion, await one.ReadSchemaVersionAsync());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version", connection);
        Assert.Equal((long)PostgresHubSchemaVersion, await count.ExecuteScalarAsync());
    }

    // The number of migrations this build ships; a new one must be added here too, on purpose.
    private const int PostgresHubSchemaVersion = 4;
}
