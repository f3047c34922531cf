using Microsoft.Data.Sqlite;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>Where an injected crash lands.</summary>
internal enum FaultKind
{
    /// <summary>Edge local write: after the record and its change-log entry are written, before commit.</summary>
    EdgeWrite,

    /// <summary>Edge pull: after a page's records are merged and the cursor moved, before commit.</summary>
    EdgePull,

    /// <summary>Edge push: the hub committed a batch, the node crashes writing the ack it got back.</summary>
    EdgeAck,

    /// <summary>Hub push: after the batch is merged, logged and acknowledged, before commit.</summary>
    HubApply,
}

/// <summary>
/// Test-only crash points put into a store's SQLite file as triggers, so the product runs unchanged: armed, a
/// trigger raises on the last statement of a write transaction (the clock save that precedes every commit), and
/// only once that transaction has done its work (the change log, the cursor or the hub log has grown inside it,
/// visible only to the transaction itself). The transaction dies with its work; the test then abandons the
/// store or the hub host and reopens it from the file, as a process restarted after a crash would.
/// </summary>
internal static class FaultTriggers
{
    public const string Marker = "sim: injected crash";

    private const string Raise = $"BEGIN SELECT RAISE(ABORT, '{Marker}'); END;";

    private const string Control = """
        CREATE TABLE IF NOT EXISTS sim_fault (id INTEGER PRIMARY KEY CHECK (id = 1), kind TEXT NOT NULL, baseline INTEGER NOT NULL);
        INSERT OR IGNORE INTO sim_fault (id, kind, baseline) VALUES (1, '', 0);
        """;

    // The clock save (key 'hlc') is an upsert: a BEFORE INSERT trigger fires for it whether the row exists or not,
    // and the UPDATE twin covers an engine that reports the existing row as an update only.
    private const string EdgeCondition = """
        ((SELECT kind FROM sim_fault) = 'EdgeWrite' AND (SELECT COUNT(*) FROM change_log) > (SELECT baseline FROM sim_fault))
        OR ((SELECT kind FROM sim_fault) = 'EdgePull'
            AND COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'pull_cursor'), 0) > (SELECT baseline FROM sim_fault))
        """;

    private const string AckCondition = "(SELECT kind FROM sim_fault) = 'EdgeAck' AND CAST(NEW.value AS INTEGER) > (SELECT baseline FROM sim_fault)";

    private const string HubCondition = "(SELECT kind FROM sim_fault) = 'HubApply' AND (SELECT COUNT(*) FROM hub_log) > (SELECT baseline FROM sim_fault)";

    public static Task InstallOnEdgeAsync(string path) => ExecuteAsync(path, Control
        + Trigger("sim_edge_clock_insert", "INSERT", "hlc", EdgeCondition)
        + Trigger("sim_edge_clock_update", "UPDATE", "hlc", EdgeCondition)
        + Trigger("sim_edge_ack_insert", "INSERT", "push_acked", AckCondition)
        + Trigger("sim_edge_ack_update", "UPDATE", "push_acked", AckCondition));

    public static Task InstallOnHubAsync(string path) => ExecuteAsync(path, Control
        + Trigger("sim_hub_clock_insert", "INSERT", "hlc", HubCondition)
        + Trigger("sim_hub_clock_update", "UPDATE", "hlc", HubCondition));

    /// <summary>Arms one crash point; <paramref name="baseline"/> is the count or cursor the transaction must pass.</summary>
    public static Task ArmAsync(string path, FaultKind kind, long baseline) =>
        ExecuteAsync(path, $"UPDATE sim_fault SET kind = '{kind}', baseline = {baseline} WHERE id = 1;");

    public static Task DisarmAsync(string path) => ExecuteAsync(path, "UPDATE sim_fault SET kind = '', baseline = 0 WHERE id = 1;");

    public static bool IsInjected(Exception exception) =>
        exception is SqliteException sqlite && sqlite.Message.Contains(Marker, StringComparison.Ordinal);

    /// <summary>The baseline of a crash point, read from the file outside any transaction of the store.</summary>
    public static async Task<long> ReadBaselineAsync(string path, FaultKind kind)
    {
        var sql = kind switch
        {
            FaultKind.EdgeWrite => "SELECT COUNT(*) FROM change_log",
            FaultKind.EdgePull => "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'pull_cursor'), 0)",
            FaultKind.EdgeAck => "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'push_acked'), 0)",
            FaultKind.HubApply => "SELECT COUNT(*) FROM hub_log",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return await ScalarAsync(path, sql);
    }

    /// <summary>One number read from a store's file on a connection of its own.</summary>
    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Trigger(string name, string operation, string key, string condition) => $"""
        CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON meta
        WHEN NEW.key = '{key}' AND ({condition})
        {Raise}

        """;

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>What the injected crashes did: armed, landed (raised inside a transaction that had done its work), per kind.</summary>
internal sealed class FaultLedger
{
    public int LandedAtHub { get; set; }

    public Dictionary<FaultKind, int> Armed { get; } = [];

    public Dictionary<FaultKind, int> Landed { get; } = [];

    public int TotalLanded => Landed.Values.Sum();

    public void Count(Dictionary<FaultKind, int> counts, FaultKind kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;

    public override string ToString() =>
        string.Join(", ", Enum.GetValues<FaultKind>().Select(kind => $"{kind} {Landed.GetValueOrDefault(kind)}/{Armed.GetValueOrDefault(kind)}"));
}
