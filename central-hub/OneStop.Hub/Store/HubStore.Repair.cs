using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Core.Merge;
using OneStop.Core.Repair;
using OneStop.Hub.Nodes;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The hub log's epoch, the check of a node's pull cursor against the log, and anti-entropy (digests of a
/// commune's records, records taken from and handed to a node). See docs/sync.md, "Restores and repair".
/// </summary>
public sealed partial class HubStore
{
    private const string EpochKey = "log_epoch";

    /// <summary>Default largest range a digest answer lists record by record: <see cref="DigestExchange.DefaultLeafLimit"/>.</summary>
    public const int DigestLeafLimit = DigestExchange.DefaultLeafLimit;

    private string? _epoch;

    /// <summary>The identity of this hub's log: made when the store is created, changed by the restore command.</summary>
    public string LogEpoch => _epoch ?? throw new InvalidOperationException("The store is not initialised.");

    private async Task InitialiseRepairAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Insert-if-absent then read: hub instances starting together on one PostgreSQL database agree on one epoch.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO NOTHING";
            command.AddParameter("@key", EpochKey);
            command.AddParameter("@value", NewEpoch());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _epoch = await MetaTable.ReadAsync(connection, null, EpochKey, cancellationToken);
    }

    /// <summary>
    /// Gives the log a new epoch: every node's cursor stops matching, so each re-pulls its scope and repairs.
    /// The restore command runs this on the restored copy before the hub starts on it.
    /// </summary>
    public static async Task<string> StartNewEpochAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.EnsureSchemaAsync(MetaTable.Schema, cancellationToken);
        return await StartNewEpochAsync((IStoreDatabase)database, cancellationToken);
    }

    /// <summary>As above on any engine whose schema is in place (a PostgreSQL database restored with pg_restore).</summary>
    public static async Task<string> StartNewEpochAsync(IStoreDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var epoch = NewEpoch();
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await MetaTable.WriteAsync(connection, transaction, EpochKey, epoch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return epoch;
    }

    private static string NewEpoch() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    /// <summary>The fingerprint of the log at <paramref name="cursor"/> (see <see cref="CursorMark"/>).</summary>
    public async Task<string> ReadCursorMarkAsync(long cursor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadCursorMarkAsync(connection, cursor, cancellationToken);
    }

    private async Task<string> ReadCursorMarkAsync(DbConnection connection, long cursor, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hub_seq, origin_node, origin_seq FROM hub_log WHERE hub_seq <= @cursor ORDER BY hub_seq DESC LIMIT 1";
        command.AddParameter("@cursor", cursor);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? CursorMark.Of(LogEpoch, reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2))
            : CursorMark.Start(LogEpoch);
    }

    /// <summary>
    /// Checks a node's pull cursor against this log. When it is not from this log the node is told to reset,
    /// and the fleet view records when and why.
    /// </summary>
    public async Task<CursorVerdict> CheckCursorAsync(string nodeId, long cursor, string? sentMark, CancellationToken cancellationToken = default)
    {
        if (cursor <= 0)
        {
            return CursorVerdict.Valid;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long head;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(MAX(hub_seq), 0) FROM hub_log";
            head = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var verdict = CursorMark.Check(cursor, sentMark, head, LogEpoch, cursor > head ? string.Empty : await ReadCursorMarkAsync(connection, cursor, cancellationToken));
        if (verdict != CursorVerdict.Valid)
        {
            await UpdateResyncAsync(connection, nodeId, """
                resets = resets + 1, last_reset_ms = @now, last_reset_reason = @reason
                """, cancellationToken, ("@reason", $"{verdict}: cursor {cursor}, log head {head}"));
        }

        return verdict;
    }

    /// <summary>The hub's answer to a node's digest of its commune: the ranges where the hub holds something else.</summary>
    public async Task<IReadOnlyList<DigestDifference>> DigestAsync(NodeIdentity node, IReadOnlyList<DigestRange> ranges, CancellationToken cancellationToken = default)
    {
        var tree = await RecordDigestTable.ReadTreeAsync(database, node.CommuneCode, cancellationToken);
        var answers = DigestExchange.Answer(tree, ranges.Take(MaxDigestRanges), DigestLeafLimit);
        if (ranges is [{ Depth: 0 }])
        {
            // A repair starts with the whole commune: note when, and whether that already matched.
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await UpdateResyncAsync(connection, node.NodeId, "last_repair_ms = @now, last_repair_in_sync = @inSync", cancellationToken, ("@inSync", answers.Count == 0 ? 1 : 0));
        }

        return answers;
    }

    /// <summary>Bound on ranges answered per digest call, so one call's work and reply stay small.</summary>
    public const int MaxDigestRanges = 1024;

    /// <summary>
    /// Takes records a node holds for repair: writes the hub lacks, with their original versions, are merged and
    /// logged as the hub's own entries (so other nodes pull them); the merge is the same as if each write had
    /// arrived by push. Records outside the node's commune or of reference types refuse the whole call; single
    /// writes that <see cref="RepairAdmission"/> does not admit are skipped and counted.
    /// </summary>
    public async Task<RepairOutcome> RepairFromNodeAsync(NodeIdentity node, IReadOnlyList<ChangeEntry> records, CancellationToken cancellationToken = default)
    {
        foreach (var record in records)
        {
            if (RepairAdmission.RefuseRecord(record, node.CommuneCode) is { } reason)
            {
                throw new PushRefusedException(PushRefusal.OutOfScope, reason);
            }
        }

        return await WriteAsync(NodeKey(HubId), [node.CommuneCode], async (connection, transaction, log) =>
        {
            var seq = await ReadAckedAsync(connection, transaction, HubId, cancellationToken);
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            int recordsApplied = 0, writesApplied = 0, refused = 0;
            foreach (var record in records)
            {
                var admitted = record.Fields.Where(write => RepairAdmission.RefuseWrite(write, node.NodeId, nowMs, maxAheadMs) is null).ToList();
                refused += record.Fields.Count - admitted.Count;
                var local = await RecordTable.LoadAsync(connection, transaction, record.RecordId, cancellationToken);
                if (local is not null && (local.Type != record.RecordType || local.Scope != record.Scope))
                {
                    refused += admitted.Count;
                    continue;
                }

                var held = FieldHistory.AllWrites(local).Values.SelectMany(writes => writes).ToList();
                var missing = admitted.Where(write => !held.Any(h => WriteIdentity.SameWrite(h, write))).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                foreach (var write in missing)
                {
                    Clock.Observe(write.Version);
                }

                var entry = new ChangeEntry(HubId, ++seq, record.RecordId, record.RecordType, record.Scope, missing);
                await RecordTable.MergeAsync(connection, transaction, entry, cancellationToken);
                log.Add(new PendingLogEntry(entry, null));
                recordsApplied++;
                writesApplied += missing.Count;
            }

            await WriteAckedAsync(connection, transaction, HubId, seq, cancellationToken);
            await UpdateResyncAsync(connection, node.NodeId, "writes_received = writes_received + @count", cancellationToken, ("@count", writesApplied), transaction);
            return new RepairOutcome(recordsApplied, writesApplied, refused);
        }, cancellationToken);
    }

    /// <summary>The hub's copies of records of the node's commune, every write each holds; ids outside it are left out.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> ReadForRepairAsync(NodeIdentity node, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var list = new List<ChangeEntry>();
        foreach (var id in ids.Distinct())
        {
            var record = await RecordTable.LoadAsync(connection, null, id, cancellationToken);
            if (record is not null && record.Scope == node.CommuneCode)
            {
                list.Add(new ChangeEntry(HubId, 0, id, record.Type, record.Scope, [.. FieldHistory.AllWrites(record).Values.SelectMany(writes => writes)]));
            }
        }

        await UpdateResyncAsync(connection, node.NodeId, "records_sent = records_sent + @count", cancellationToken, ("@count", list.Count));
        return list;
    }

    /// <summary>Each node's re-syncs and repairs, by node id.</summary>
    public async Task<IReadOnlyDictionary<string, NodeResync>> ReadResyncsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, resets, last_reset_ms, last_reset_reason, last_repair_ms, last_repair_in_sync, writes_received, records_sent FROM node_resync";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var map = new Dictionary<string, NodeResync>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            map[reader.GetString(0)] = new NodeResync(
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5) != 0,
                reader.GetInt64(6),
                reader.GetInt64(7));
        }

        return map;
    }

    private async Task UpdateResyncAsync(DbConnection connection, string nodeId, string set, CancellationToken cancellationToken, (string Name, object Value) parameter, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO node_resync (node_id) VALUES (@node) ON CONFLICT(node_id) DO NOTHING; UPDATE node_resync SET {set} WHERE node_id = @node";
        command.AddParameter("@node", nodeId);
        command.AddParameter("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.AddParameter(parameter.Name, parameter.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a node's repair push did at the hub.</summary>
public sealed record RepairOutcome(int RecordsApplied, int WritesApplied, int WritesRefused);
