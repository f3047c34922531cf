namespace OneStop.Bench.Harness;

/// <summary>
/// The hub store a fleet bench runs on: "sqlite" (the hub's default, its data folder) or "postgres", a throwaway
/// PostgreSQL server started for the run (fsync on, as in production) and stopped with it.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly PostgresCluster? _cluster;

    private BenchStore(string name, PostgresCluster? cluster, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _cluster = cluster;
        Settings = settings;
    }

    public string Name { get; }

    /// <summary>Words for a figure's label: "SQLite" or "PostgreSQL".</summary>
    public string Label => _cluster is null ? "SQLite" : "PostgreSQL";

    /// <summary>Hub settings selecting this store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<BenchStore> StartAsync(string name)
    {
        if (name != "postgres")
        {
            return new BenchStore("sqlite", null, new Dictionary<string, string>());
        }

        var cluster = await PostgresCluster.StartAsync(durable: true);
        return new BenchStore(name, cluster, new Dictionary<string, string>
        {
            ["Hub:Store"] = "postgres",
            ["Hub:ConnectionString"] = await cluster.CreateDatabaseAsync(),
        });
    }

    /// <summary>
    /// The raw ceiling of this store's engine on this machine now (records/s): <paramref name="entries"/> written
    /// without the hub, <paramref name="batch"/> to a transaction, with the hub's durability settings.
    /// </summary>
    public async Task<double> RawCeilingAsync(IReadOnlyList<Protocol.V1.ChangeEntry> entries, int batch, TimeProvider time) =>
        _cluster is null
            ? RawSqliteCeiling.RecordsPerSecond(entries, batch, time)
            : await RawPostgresCeiling.RecordsPerSecondAsync(await _cluster.CreateDatabaseAsync(), entries, batch, time);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
