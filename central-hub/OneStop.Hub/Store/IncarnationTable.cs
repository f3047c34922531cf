using System.Data.Common;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The hub's record of each node's change-log incarnations: the acknowledgement per (node, incarnation),
/// which machine each ran on and when it was seen, and the events the fleet view raises (a node reinstalled,
/// restored, moved, or one identity in use on two machines). Statements run on the caller's connection, so
/// a push reads and moves its acknowledgement inside its own transaction.
/// </summary>
internal static class IncarnationTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS node_incarnations (
            node_id TEXT NOT NULL,
            incarnation TEXT NOT NULL,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            machine TEXT,
            first_seen_ms INTEGER,
            last_seen_ms INTEGER,
            last_head INTEGER,
            PRIMARY KEY (node_id, incarnation)
        );
        CREATE TABLE IF NOT EXISTS incarnation_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            node_id TEXT NOT NULL,
            incarnation TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS incarnation_events_node ON incarnation_events(node_id, id);
        """;

    /// <summary>The reason the hub gives for a forked log, in the refusal and in the fleet view.</summary>
    public const string TwoMachinesReason = "this node identity is in use on two machines";

    public static async Task<long> ReadAckedAsync(DbConnection connection, DbTransaction? transaction, string nodeId, string incarnation, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT acked_seq FROM node_incarnations WHERE node_id = @node AND incarnation = @incarnation";
        command.AddParameter("@node", nodeId);
        command.AddParameter("@incarnation", incarnation);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    public static async Task WriteAckedAsync(DbConnection connection, DbTransaction transaction, string nodeId, string incarnation, long acked, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO node_incarnations (node_id, incarnation, acked_seq) VALUES (@node, @incarnation, @acked)
            ON CONFLICT(node_id, incarnation) DO UPDATE SET acked_seq = excluded.acked_seq
            """;
        command.AddParameter("@node", nodeId);
        command.AddParameter("@incarnation", incarnation);
        command.AddParameter("@acked", acked);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The digest of the entry the hub holds under this name; null when none, or when it predates digests.</summary>
    public static async Task<string?> ReadDigestAsync(DbConnection connection, DbTransaction transaction, string nodeId, string incarnation, long seq, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT digest FROM hub_log WHERE origin_node = @node AND origin_incarnation = @incarnation AND origin_seq = @seq";
        command.AddParameter("@node", nodeId);
        command.AddParameter("@incarnation", incarnation);
        command.AddParameter("@seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Notes a handshake of one incarnation and raises what it reveals: a new incarnation of a node the hub
    /// knew (reinstalled, restored or moved), a log head below what the hub acknowledged (restored from an
    /// older copy), an older incarnation still talking after a newer one appeared (two machines). Returns the
    /// acknowledgement for this incarnation and whether the hub knows others.
    /// </summary>
    public static async Task<(long Acked, bool EarlierIncarnations)> RecordHelloAsync(IHubDatabase database, DbConnection connection, IncarnationHello hello, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await database.LockAsync(connection, transaction, ["node:" + hello.NodeId], cancellationToken);
        var known = await ReadIncarnationsAsync(connection, transaction, hello.NodeId, cancellationToken);
        var self = known.FirstOrDefault(i => i.Incarnation == hello.Incarnation);
        var others = known.Where(i => i.Incarnation != hello.Incarnation).ToList();
        var acked = self?.AckedSeq ?? 0;

        // A row without a first sighting predates this build (migrated legacy acknowledgement): the oldest of all.
        var firstSeen = self is null ? hello.SeenMs : self.FirstSeenMs ?? long.MinValue;
        var newer = others.Where(o => (o.FirstSeenMs ?? long.MinValue) > firstSeen).OrderBy(o => o.FirstSeenMs).FirstOrDefault();
        if (self is null && others.Count > 0)
        {
            var latest = others.OrderByDescending(i => i.LastSeenMs ?? 0).First();
            var moved = !string.IsNullOrEmpty(hello.Machine) && !string.IsNullOrEmpty(latest.Machine) && latest.Machine != hello.Machine;
            await AddEventAsync(connection, transaction, hello.NodeId, hello.Incarnation, hello.SeenMs, IncarnationEventKinds.NewIncarnation, moved
                ? $"new incarnation on another machine ({hello.Machine}, was {latest.Machine}): the card was moved or cloned"
                : "new incarnation on the same machine: the node was reinstalled or restored", cancellationToken);
        }

        if (hello.LogHead is { } head && head < acked)
        {
            await AddEventAsync(connection, transaction, hello.NodeId, hello.Incarnation, hello.SeenMs, IncarnationEventKinds.Regressed,
                $"log head {head} below the {acked} the hub acknowledged: restored from an older copy", cancellationToken);
        }

        if (newer is not null && !await HasEventAsync(connection, transaction, hello.NodeId, hello.Incarnation, IncarnationEventKinds.TwoMachines, cancellationToken))
        {
            await AddEventAsync(connection, transaction, hello.NodeId, hello.Incarnation, hello.SeenMs, IncarnationEventKinds.TwoMachines,
                $"{TwoMachinesReason}: incarnation {Short(hello.Incarnation)} on {Show(hello.Machine)} still syncs after {Short(newer.Incarnation)} appeared on {Show(newer.Machine)}", cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO node_incarnations (node_id, incarnation, machine, first_seen_ms, last_seen_ms, last_head)
                VALUES (@node, @incarnation, @machine, @seen, @seen, @head)
                ON CONFLICT(node_id, incarnation) DO UPDATE SET machine = excluded.machine, last_seen_ms = excluded.last_seen_ms,
                    last_head = excluded.last_head, first_seen_ms = COALESCE(node_incarnations.first_seen_ms, excluded.first_seen_ms)
                """;
            command.AddParameter("@node", hello.NodeId);
            command.AddParameter("@incarnation", hello.Incarnation);
            command.AddParameter("@machine", string.IsNullOrEmpty(hello.Machine) ? DBNull.Value : hello.Machine);
            command.AddParameter("@seen", hello.SeenMs);
            command.AddParameter("@head", (object?)hello.LogHead ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (acked, others.Count > 0);
    }

    public static async Task AddEventAsync(DbConnection connection, DbTransaction? transaction, string nodeId, string incarnation, long atMs, string kind, string reason, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO incarnation_events (node_id, incarnation, at_ms, kind, reason) VALUES (@node, @incarnation, @at, @kind, @reason)";
        command.AddParameter("@node", nodeId);
        command.AddParameter("@incarnation", incarnation);
        command.AddParameter("@at", atMs);
        command.AddParameter("@kind", kind);
        command.AddParameter("@reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Incarnations and events of every node, for the fleet view.</summary>
    public static async Task<Dictionary<string, NodeIncarnations>> ReadFleetAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var fleet = new Dictionary<string, NodeIncarnations>(StringComparer.Ordinal);
        NodeIncarnations Of(string node) => fleet.TryGetValue(node, out var found) ? found : fleet[node] = new NodeIncarnations([], []);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT node_id, incarnation, acked_seq, machine, first_seen_ms, last_seen_ms, last_head FROM node_incarnations ORDER BY node_id, first_seen_ms";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Of(reader.GetString(0)).Incarnations.Add(ReadIncarnation(reader));
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT node_id, incarnation, at_ms, kind, reason FROM incarnation_events ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Of(reader.GetString(0)).Events.Add(new IncarnationEvent(reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        return fleet;
    }

    private static async Task<List<IncarnationView>> ReadIncarnationsAsync(DbConnection connection, DbTransaction transaction, string nodeId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT node_id, incarnation, acked_seq, machine, first_seen_ms, last_seen_ms, last_head FROM node_incarnations WHERE node_id = @node";
        command.AddParameter("@node", nodeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<IncarnationView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadIncarnation(reader));
        }

        return list;
    }

    private static IncarnationView ReadIncarnation(DbDataReader reader) => new(
        reader.GetString(1),
        reader.GetInt64(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        reader.IsDBNull(6) ? null : reader.GetInt64(6));

    private static async Task<bool> HasEventAsync(DbConnection connection, DbTransaction transaction, string nodeId, string incarnation, string kind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM incarnation_events WHERE node_id = @node AND incarnation = @incarnation AND kind = @kind";
        command.AddParameter("@node", nodeId);
        command.AddParameter("@incarnation", incarnation);
        command.AddParameter("@kind", kind);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static string Short(string incarnation) => incarnation.Length == 0 ? "(legacy)" : incarnation[..Math.Min(8, incarnation.Length)];

    private static string Show(string? machine) => string.IsNullOrEmpty(machine) ? "an unknown machine" : machine;
}

/// <summary>Kinds of incarnation events in the fleet view.</summary>
public static class IncarnationEventKinds
{
    public const string NewIncarnation = "new_incarnation";
    public const string Regressed = "regressed";
    public const string TwoMachines = "two_machines";
    public const string Clash = "clash";
}

/// <summary>What a node says of its change log at a handshake.</summary>
public sealed record IncarnationHello(string NodeId, string Incarnation, string? Machine, long? LogHead, long SeenMs);

/// <summary>One incarnation of a node as the fleet view shows it.</summary>
public sealed record IncarnationView(string Incarnation, long AckedSeq, string? Machine, long? FirstSeenMs, long? LastSeenMs, long? LastHead);

/// <summary>Something the hub noticed about a node's incarnations, with when and why.</summary>
public sealed record IncarnationEvent(string Incarnation, long AtMs, string Kind, string Reason);

/// <summary>A node's incarnations and events; flagged when one identity runs on two machines.</summary>
public sealed record NodeIncarnations(List<IncarnationView> Incarnations, List<IncarnationEvent> Events)
{
    public bool InUseOnTwoMachines => Events.Any(e => e.Kind is IncarnationEventKinds.TwoMachines or IncarnationEventKinds.Clash);
}
