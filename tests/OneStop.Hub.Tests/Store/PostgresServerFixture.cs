using OneStop.TestHosts;

namespace OneStop.Hub.Tests.Store;

/// <summary>
/// One throwaway PostgreSQL server for every test of the "postgres" collection, started on first use and
/// stopped at the end, so `dotnet test` alone runs the PostgreSQL contract wherever postgresql is installed.
/// Missing on a developer machine, the tests are skipped with the reason; on CI (CI set) they fail instead.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public async Task InitializeAsync()
    {
        if (PostgresCluster.Missing is null)
        {
            // fsync off: these tests check behaviour, not durability (the benches keep it on).
            _cluster = await PostgresCluster.StartAsync(durable: false);
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A copy of a database made the way an operator backs up and restores the hub (pg_dump, pg_restore).</summary>
    public Task<string> DumpAndRestoreAsync(string connectionString) =>
        _cluster?.DumpAndRestoreAsync(connectionString) ?? throw new InvalidOperationException(PostgresCluster.Missing);

    /// <summary>A new empty database on the server; skips (or fails on CI) when there is no server.</summary>
    public Task<string> CreateDatabaseAsync()
    {
        Skip.If(_cluster is null && !IsCi, PostgresCluster.Missing);
        return _cluster is null ? throw new InvalidOperationException(PostgresCluster.Missing) : _cluster.CreateDatabaseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
