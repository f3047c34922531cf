using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Core.Accounts;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Hub.Tests.Store;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.Tests;

/// <summary>
/// The console's tables (accounts, audit, node history) behave the same on SQLite (console.db) and on the hub's
/// PostgreSQL: one suite, run against both engines.
/// </summary>
public abstract class ConsoleDatabaseContractTests : IAsyncLifetime
{
    protected abstract Task<ConsoleDatabase> CreateDatabaseAsync();

    /// <summary>A folder of the test's own: console.db on SQLite, the audit chain's audit.db beside PostgreSQL.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("onestop-console-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    // Made inside each test, so a missing PostgreSQL skips the test rather than failing its set-up.
    private async Task<ConsoleDatabase> OpenAsync()
    {
        var database = await CreateDatabaseAsync();
        await database.InitialiseAsync(default);

        // A second start (a restart, another hub instance) finds the tables and leaves them be.
        await database.InitialiseAsync(default);
        return database;
    }

    [SkippableFact]
    public async Task Accounts_CreateReadLockAndReset_UserNamesIgnoreCase()
    {
        var accounts = new ConsoleAccountStore(await OpenAsync());

        Assert.True(await accounts.CreateAsync("qt.tinh", "Quản trị tỉnh", "province_admin", "hash-1", 1000, default));
        Assert.False(await accounts.CreateAsync("QT.Tinh", "Người khác", "province_viewer", "hash-2", 2000, default));
        await accounts.SetLockoutAsync("qt.tinh", new LockoutState(5, 99_000), default);
        var locked = await accounts.GetAsync("Qt.Tinh", default);
        await accounts.SetPasswordAsync("QT.TINH", "Quản trị tỉnh", "province_admin", "hash-3", 3000, default);
        var reset = await accounts.GetAsync("qt.tinh", default);

        Assert.Equal(1, await accounts.CountAsync(default));
        Assert.Equal(new ConsoleAccount("qt.tinh", "Quản trị tỉnh", "province_admin", "hash-1", false, new LockoutState(5, 99_000)), locked);
        Assert.Equal(new ConsoleAccount("qt.tinh", "Quản trị tỉnh", "province_admin", "hash-3", false, new LockoutState(0, null)), reset);
        Assert.Null(await accounts.GetAsync("khong.co", default));
    }

    [SkippableFact]
    public async Task Audit_Appended_ListedNewestFirstWithWhoAndWhen()
    {
        var time = new SteppedTime(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var audit = new ConsoleAuditLog(await OpenAsync(), time);

        await audit.AppendAsync("qt.tinh", "catalogue.form", "chungthuc.chuky", "v2", default);
        time.Now += TimeSpan.FromSeconds(1);
        await audit.AppendAsync("xem.tinh", "lookup.search", "Lò", null, default);

        var listed = await audit.ListAsync(10, default);
        var start = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(
            [new AuditEntry(start + 1000, "xem.tinh", "lookup.search", "Lò", null), new AuditEntry(start, "qt.tinh", "catalogue.form", "chungthuc.chuky", "v2")],
            listed);
    }

    [SkippableFact]
    public async Task NodeHistory_SamplesOfTwoNodes_EachReadNewestFirstAndLatestPerNode()
    {
        var history = new NodeHistory(await OpenAsync());
        FleetSample[] samples = [new(1000, 3, -200, "1.4.0", null, 0), new(2000, null, null, null, "too large", 1), new(3000, 0, 50, "1.4.1", null, 0)];

        foreach (var sample in samples)
        {
            await history.AddAsync("node-a", sample, default);
        }

        await history.AddAsync("node-a", samples[0], default);
        await history.AddAsync("node-b", samples[1], default);

        Assert.Equal([samples[2], samples[1], samples[0]], await history.ReadAsync("node-a", 10, default));
        Assert.Equal(new Dictionary<string, long> { ["node-a"] = 3000, ["node-b"] = 2000 }, await history.LatestAsync(default));
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SteppedTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class SqliteConsoleDatabaseContractTests : ConsoleDatabaseContractTests
{
    protected override Task<ConsoleDatabase> CreateDatabaseAsync() => Task.FromResult(new ConsoleDatabase(Path.Combine(Folder, ConsoleDatabase.FileName)));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsoleDatabaseContractTests(PostgresServerFixture server) : ConsoleDatabaseContractTests
{
    protected override async Task<ConsoleDatabase> CreateDatabaseAsync() =>
        new(Npgsql.NpgsqlDataSource.Create(await server.CreateDatabaseAsync()), Path.Combine(Folder, ConsoleDatabase.AuditFileName));

    [SkippableFact]
    public async Task HubOnPostgres_Starts_ConsoleTablesAndFirstAdminInPostgresNotInConsoleDb()
    {
        var connectionString = await server.CreateDatabaseAsync();

        await using var hub = await HubTestHost.StartAsync(new Dictionary<string, string?> { ["Hub:Store"] = "postgres", ["Hub:ConnectionString"] = connectionString });

        var dataDirectory = hub.Services.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory;
        Assert.False(File.Exists(Path.Combine(dataDirectory, ConsoleDatabase.FileName)));
        var accounts = new ConsoleAccountStore(new ConsoleDatabase(Npgsql.NpgsqlDataSource.Create(connectionString), Path.Combine(dataDirectory, ConsoleDatabase.AuditFileName)));
        Assert.NotNull(await accounts.GetAsync(FirstConsoleAdmin.UserName, default));
    }

    [SkippableFact]
    public async Task AuditVerify_HubOnPostgres_FindsTheChainInAuditDbBesideTheData()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var hub = await HubTestHost.StartAsync(new Dictionary<string, string?> { ["Hub:Store"] = "postgres", ["Hub:ConnectionString"] = connectionString });
        var dataDirectory = hub.Services.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory;
        await hub.Services.GetRequiredService<Hub.Audit.HubAuditStore>().AppendAsync("qtv.tinh", Core.Audit.AuditActions.Admin, "node:test", "checked", default);

        var exit = await Maintenance.HubCommands.TryRunAsync(["audit", "verify", $"--Hub:DataDirectory={dataDirectory}", "--Hub:Store=postgres", $"--Hub:ConnectionString={connectionString}"]);

        // Before audit.db was looked for, the command asked for console.db, absent on such a hub, and answered 2.
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(dataDirectory, ConsoleDatabase.AuditFileName)));
    }
}
