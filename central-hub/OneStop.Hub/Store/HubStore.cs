using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using OneStop.Hub.Nodes;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The hub's store: applies pushed batches atomically and idempotently by (origin node,
/// origin seq), keeps the global log that nodes pull, and records the hub's own reference writes.
/// Its rules and statements are written once; the engine under them (<see cref="IHubDatabase"/>) is
/// SQLite by default or PostgreSQL.
/// </summary>
public sealed partial class HubStore(IHubDatabase database, string hubId, TimeProvider time, long maxAheadMs)
{
    private const string ClockKey = "hlc";
    private readonly StoreWriter _writer = new(database, ClockKey);
    private HybridLogicalClock? _clock;

    /// <summary>The hub on one SQLite file (the default).</summary>
    public HubStore(SqliteDatabase database, string hubId, TimeProvider time, long maxAheadMs)
        : this(new SqliteHubDatabase(database), hubId, time, maxAheadMs)
    {
    }

    /// <summary>The engine under this store.</summary>
    public IHubDatabase Database => database;

    public string HubId { get; } = hubId;

    public HybridLogicalClock Clock => _clock ?? throw new InvalidOperationException("The store is not initialised.");

    /// <summary>Creates the schema and restores the clock, so the hub's versions never go backwards across a restart.</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await database.MigrateAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var saved = await MetaTable.ReadAsync(connection, null, ClockKey, cancellationToken);
        _clock = new HybridLogicalClock(time, HubId, saved is null ? null : HlcText.Parse(saved));
        await InitialiseRepairAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Applies a node's batch: all of it or none. Entries at or below the node's acknowledged seq are
    /// duplicates and skipped; the first new entry must follow the acknowledgement without a gap.
    /// </summary>
    public Task<PushOutcome> PushAsync(NodeIdentity node, IReadOnlyList<ChangeEntry> entries, CancellationToken cancellationToken = default) =>
        PushAsync(node, entries.Count > 0 ? entries[0].OriginIncarnation : IncarnationPolicy.Legacy, entries, cancellationToken);

    /// <summary>
    /// As above for one incarnation of the node's log: acknowledgements are per incarnation, and an entry at
    /// or below the acknowledgement is a duplicate only if its digest matches the one the hub holds; a different
    /// entry under a held seq means the log forked (a cloned card) and refuses the batch.
    /// </summary>
    public async Task<PushOutcome> PushAsync(NodeIdentity node, string incarnation, IReadOnlyList<ChangeEntry> entries, CancellationToken cancellationToken = default)
    {
        if (PushPolicy.Check(node.NodeId, node.CommuneCode, incarnation, entries) is { } violation)
        {
            throw new PushRefusedException(violation.Kind switch
            {
                PushViolationKind.ForgedOrigin => PushRefusal.ForgedOrigin,
                PushViolationKind.OutOfScope => PushRefusal.OutOfScope,
                _ => PushRefusal.Malformed,
            }, violation.Message);
        }

        var prepared = await PreparePushAsync(entries, cancellationToken);
        return await WriteAsync(NodeKey(node.NodeId), [node.CommuneCode], async (connection, transaction, log) =>
        {
            var acked = await IncarnationTable.ReadAckedAsync(connection, transaction, node.NodeId, incarnation, cancellationToken);
            var lastVersion = await ReadLastVersionAsync(connection, transaction, node.NodeId, cancellationToken);
            var hubNowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            int applied = 0, duplicates = 0, quarantined = 0;
            var accepted = new List<ChangeEntry>(entries.Count);
            for (var index = 0; index < prepared.Ordered.Count; index++)
            {
                var entry = prepared.Ordered[index];
                var digest = prepared.Digests[index];
                var place = PushPolicy.Place(entry.OriginSeq, acked);
                if (place == PushPlace.Held)
                {
                    var held = await IncarnationTable.ReadDigestAsync(connection, transaction, node.NodeId, incarnation, entry.OriginSeq, cancellationToken);
                    if (held is not null && held != digest)
                    {
                        throw new PushRefusedException(PushRefusal.IdentityClash, $"{IncarnationTable.TwoMachinesReason} (or was restored from a copy): entry {entry.OriginSeq} differs from the one the hub holds under that seq");
                    }

                    duplicates++;
                    continue;
                }

                if (place == PushPlace.Gap)
                {
                    throw new PushRefusedException(PushRefusal.Gap, $"expected entry {acked + 1} from '{node.NodeId}', got {entry.OriginSeq}");
                }

                if (entry.Quarantined)
                {
                    await QuarantineTable.AddAsync(connection, transaction, entry, hubNowMs, cancellationToken);
                    quarantined++;
                    acked = entry.OriginSeq;
                    continue;
                }

                // Clamped before it enters the log, so every replica sees the same plausible versions.
                var clamped = ChangeEntryClamp.Clamp(entry, hubNowMs, maxAheadMs, lastVersion);
                foreach (var field in clamped.Fields)
                {
                    Clock.Observe(field.Version);
                    lastVersion = lastVersion is { } last ? HlcTimestamp.Max(last, field.Version) : field.Version;
                }

                accepted.Add(clamped);
                log.Add(prepared.LogEntry(index, clamped, RecordSealing.Of(connection)?.MarkedFormKeys));
                applied++;
                acked = entry.OriginSeq;
            }

            // Merged as one set once the batch is known good: a few statements per batch, not a few per entry.
            var merged = await RecordBatch.MergeAsync(connection, transaction, accepted, cancellationToken);
            var conflicts = merged.Sum(m => m.Conflicts.Count);

            await WriteAckedAsync(connection, transaction, node.NodeId, acked, cancellationToken);
            await IncarnationTable.WriteAckedAsync(connection, transaction, node.NodeId, incarnation, acked, cancellationToken);
            // A push that goes through also clears the node's last refusal here, not in a write of its own after it:
            // that second write per push was a second turn in SQLite's one-writer queue.
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE node_state SET last_version = COALESCE(@version, last_version), last_error = NULL WHERE node_id = @node";
                command.AddParameter("@version", lastVersion is { } newest ? HlcText.Format(newest) : null);
                command.AddParameter("@node", node.NodeId);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PushOutcome(acked, applied, duplicates, conflicts, quarantined);
        }, cancellationToken);
    }

    /// <summary>Log entries after <paramref name="afterSeq"/> that a node of <paramref name="communeCode"/> may read.</summary>
    public Task<IReadOnlyList<HubLogEntry>> ReadLogAfterAsync(string communeCode, long afterSeq, int maxEntries, CancellationToken cancellationToken = default) =>
        ReadLogAfterAsync(communeCode, afterSeq, maxEntries, string.Empty, 0, IncarnationPolicy.Legacy, cancellationToken);

    /// <summary>
    /// As above, leaving out the reader's own entries up to <paramref name="ownSeqHeld"/>: it wrote them, so
    /// sending them back only spends the link. Clamped ones still go back, for the origin to re-clock.
    /// </summary>
    public async Task<IReadOnlyList<HubLogEntry>> ReadLogAfterAsync(string communeCode, long afterSeq, int maxEntries, string readerNode, long ownSeqHeld, string readerIncarnation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadLogAfterAsync(connection, null, communeCode, afterSeq, maxEntries, readerNode, ownSeqHeld, readerIncarnation, cancellationToken);
    }

    /// <summary>
    /// One page of a node's pull: up to <paramref name="maxEntries"/> entries it may read, and the cursor to
    /// resume from. On the last page the cursor is the log head of the same snapshot, so a node skips past
    /// entries it may not see (other communes, its own) instead of asking for them at every round.
    /// </summary>
    public async Task<PullPage> ReadPullPageAsync(string communeCode, long afterSeq, int maxEntries, string readerNode, long ownSeqHeld, string readerIncarnation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // One read transaction: the head and the entries come from the same snapshot.
        await using var snapshot = await database.BeginSnapshotAsync(connection, cancellationToken);
        var entries = await ReadLogAfterAsync(connection, snapshot, communeCode, afterSeq, maxEntries + 1, readerNode, ownSeqHeld, readerIncarnation, cancellationToken);
        var more = entries.Count > maxEntries;
        var page = more ? entries.Take(maxEntries).ToList() : entries;
        long cursor;
        if (more)
        {
            cursor = page[^1].HubSeq;
        }
        else
        {
            await using var head = connection.CreateCommand();
            head.Transaction = snapshot;
            head.CommandText = "SELECT COALESCE(MAX(hub_seq), 0) FROM hub_log";
            cursor = Math.Max(afterSeq, (long)(await head.ExecuteScalarAsync(cancellationToken))!);
        }

        return new PullPage(page, cursor, more);
    }

    private static async Task<IReadOnlyList<HubLogEntry>> ReadLogAfterAsync(DbConnection connection, DbTransaction? transaction, string communeCode, long afterSeq, int maxEntries, string readerNode, long ownSeqHeld, string readerIncarnation, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT hub_seq, entry FROM hub_log
            WHERE hub_seq > @after AND scope IN (@commune, @global)
              AND NOT (origin_node = @reader AND origin_incarnation = @readerIncarnation AND origin_seq <= @ownHeld AND clamped = 0)
            ORDER BY hub_seq LIMIT @limit
            """;
        command.AddParameter("@reader", readerNode);
        command.AddParameter("@readerIncarnation", readerIncarnation);
        command.AddParameter("@ownHeld", ownSeqHeld);
        command.AddParameter("@after", afterSeq);
        command.AddParameter("@commune", communeCode);
        command.AddParameter("@global", Scopes.Global);
        command.AddParameter("@limit", maxEntries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<HubLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new HubLogEntry(reader.GetInt64(0), RecordSealing.DecodeEntry(connection, reader.GetString(1))));
        }

        return list;
    }

    public async Task<long> ReadLogHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(hub_seq), 0) FROM hub_log";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> ReadAckedAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAckedAsync(connection, null, nodeId, cancellationToken);
    }

    /// <summary>
    /// Writes as the hub: reference data (catalogue, accounts) in scope global, or an admin's
    /// resolution of a conflict in a commune's record. Logged like any change, so nodes pull it.
    /// </summary>
    public Task<StoredRecord> WriteAsHubAsync(Guid id, string type, string scope, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default) =>
        WriteAsHubAsync(id, type, scope, (local, version) => LocalWrite.Fields(local, values, version), cancellationToken);

    /// <summary>
    /// An admin settles a conflict (see <see cref="ConflictReview"/>); null when it is no longer open. The first
    /// look only finds the scope to lock; the conflict is looked up again inside the write, after the lock, so two
    /// admins at once or a push that superseded a side in between cannot both settle it or settle a stale version.
    /// </summary>
    public async Task<StoredRecord?> ResolveConflictAsync(Guid conflictId, string json, CancellationToken cancellationToken = default)
    {
        OpenConflict? seen;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            seen = await ConflictTable.FindOpenAsync(connection, conflictId, cancellationToken);
        }

        return seen is null
            ? null
            : await WriteAsync(NodeKey(HubId), [seen.Scope], async (connection, transaction, log) =>
            {
                var open = await ConflictTable.FindOpenAsync(connection, conflictId, cancellationToken, transaction);
                return open is null
                    ? null
                    : await WriteAsHubInTransactionAsync(connection, transaction, log, open.Conflict.RecordId, open.RecordType, open.Scope, (local, version) => [ConflictReview.Resolve(local, open.Conflict, json, version)], cancellationToken);
            }, cancellationToken);
    }

    private Task<StoredRecord> WriteAsHubAsync(Guid id, string type, string scope, Func<StoredRecord?, HlcTimestamp, IReadOnlyList<FieldChange>> build, CancellationToken cancellationToken) =>
        WriteAsync(NodeKey(HubId), [scope], (connection, transaction, log) => WriteAsHubInTransactionAsync(connection, transaction, log, id, type, scope, build, cancellationToken), cancellationToken);

    private async Task<StoredRecord> WriteAsHubInTransactionAsync(DbConnection connection, DbTransaction transaction, List<PendingLogEntry> log, Guid id, string type, string scope, Func<StoredRecord?, HlcTimestamp, IReadOnlyList<FieldChange>> build, CancellationToken cancellationToken)
    {
        var local = await RecordTable.LoadAsync(connection, transaction, id, cancellationToken);
        var fields = build(local, Clock.Now());
        var seq = await ReadAckedAsync(connection, transaction, HubId, cancellationToken) + 1;
        var entry = new ChangeEntry(HubId, seq, id, local?.Type ?? type, local?.Scope ?? scope, fields);
        var result = await RecordTable.MergeAsync(connection, transaction, entry, cancellationToken);
        log.Add(new PendingLogEntry(entry, null));
        await WriteAckedAsync(connection, transaction, HubId, seq, cancellationToken);
        return result.Record;
    }

    /// <summary>Seeds reference records once (first start): restamped as the hub's own log entries.</summary>
    public Task SeedAsync(IReadOnlyList<ChangeEntry> seed, CancellationToken cancellationToken = default) =>
        WriteAsync(NodeKey(HubId), seed.Select(e => e.Scope).Distinct(), async (connection, transaction, log) =>
        {
            var seq = await ReadAckedAsync(connection, transaction, HubId, cancellationToken);
            foreach (var entry in seed)
            {
                if (await RecordTable.LoadAsync(connection, transaction, entry.RecordId, cancellationToken) is not null)
                {
                    continue;
                }

                var own = entry with { OriginNode = HubId, OriginSeq = ++seq };
                await RecordTable.MergeAsync(connection, transaction, own, cancellationToken);
                log.Add(new PendingLogEntry(own, null));
            }

            await WriteAckedAsync(connection, transaction, HubId, seq, cancellationToken);
            return seq;
        }, cancellationToken, saveClock: false);

    public async Task<StoredRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await RecordTable.LoadAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordData>> ListAsync(string type, string? scope, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await RecordTable.ListAsync(connection, type, scope, limit, cancellationToken);
    }

    public async Task<long> CountAsync(string type, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await RecordTable.CountAsync(connection, type, cancellationToken);
    }

    /// <summary>Notes a node's handshake for the fleet view: when, its clock, its backlog and its devices.</summary>
    public Task RecordHelloAsync(NodeHello hello, CancellationToken cancellationToken = default) =>
        _writer.QueuedAsync(() => WriteHelloAsync(hello, cancellationToken), cancellationToken);

    private async Task WriteHelloAsync(NodeHello hello, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await database.RunBookkeepingAsync(connection, () => WriteNodeStateAsync(connection, hello, cancellationToken), cancellationToken);
    }

    private static async Task WriteNodeStateAsync(DbConnection connection, NodeHello hello, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO node_state (node_id, last_seen_ms, last_clock_offset_ms, reported_backlog, software_version, devices)
            VALUES (@node, @seen, @offset, @backlog, @software, @devices)
            ON CONFLICT(node_id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms, last_clock_offset_ms = excluded.last_clock_offset_ms,
                reported_backlog = excluded.reported_backlog, software_version = excluded.software_version, devices = excluded.devices
            """;
        command.AddParameter("@node", hello.NodeId);
        command.AddParameter("@seen", hello.SeenMs);
        command.AddParameter("@offset", hello.ClockOffsetMs);
        command.AddParameter("@backlog", hello.Backlog);
        command.AddParameter("@software", hello.SoftwareVersion);
        command.AddParameter("@devices", hello.DevicesJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Remembers why the hub last refused a node's push (null clears it after a push that went through),
    /// so the fleet view says which node is stuck and why, not only that its backlog grows.
    /// </summary>
    public Task RecordPushErrorAsync(string nodeId, string? error, CancellationToken cancellationToken = default) =>
        // Queued with the pushes (each push clears it, so it met the next push in SQLite's sleeping busy handler)
        // and written as bookkeeping: the node's next push writes it again.
        _writer.QueuedAsync(async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await database.RunBookkeepingAsync(connection, async () =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO node_state (node_id, last_error) VALUES (@node, @error)
                    ON CONFLICT(node_id) DO UPDATE SET last_error = excluded.last_error
                    """;
                command.AddParameter("@node", nodeId);
                command.AddParameter("@error", (object?)error ?? DBNull.Value);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }, cancellationToken);

    /// <summary>Notes which incarnation of a node said hello, from which machine, with which log head (see <see cref="IncarnationTable"/>).</summary>
    public Task<(long Acked, bool EarlierIncarnations)> RecordIncarnationHelloAsync(IncarnationHello hello, CancellationToken cancellationToken = default) =>
        _writer.QueuedAsync(async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            (long Acked, bool EarlierIncarnations) result = default;
            // Bookkeeping: what a power cut could take from it (last seen, a first sighting, an event) the next
            // Hello finds missing and writes again, so it need not wait for its own fsync.
            await database.RunBookkeepingAsync(connection, async () => result = await IncarnationTable.RecordHelloAsync(database, connection, hello, cancellationToken), cancellationToken);
            return result;
        }, cancellationToken);

    /// <summary>Raises an incarnation event in the fleet view (a refused clash is recorded outside the refused batch's transaction).</summary>
    public async Task RecordIncarnationEventAsync(string nodeId, string incarnation, string kind, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await IncarnationTable.AddEventAsync(connection, null, nodeId, incarnation, time.GetUtcNow().ToUnixTimeMilliseconds(), kind, reason, cancellationToken);
    }

    public async Task<IReadOnlyList<NodeState>> ListNodeStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, acked_seq, last_seen_ms, last_clock_offset_ms, reported_backlog, software_version, devices, last_error FROM node_state ORDER BY node_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<NodeState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new NodeState(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : System.Text.Json.JsonDocument.Parse(reader.GetString(6)).RootElement.Clone(),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        // One open reader per connection on PostgreSQL: this one is done before the next query.
        await reader.CloseAsync();
        var incarnations = await IncarnationTable.ReadFleetAsync(connection, cancellationToken);
        var resyncs = await ReadResyncsAsync(cancellationToken);
        return [.. list.Select(n => n with
        {
            Incarnations = incarnations.TryGetValue(n.NodeId, out var found) ? found : null,
            Resync = resyncs.TryGetValue(n.NodeId, out var resync) ? resync : null,
        })];
    }

    public async Task<IReadOnlyList<OpenConflict>> ListConflictsAsync(string? scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ConflictTable.ListOpenAsync(connection, scope, cancellationToken);
    }

    private static async Task<HlcTimestamp?> ReadLastVersionAsync(DbConnection connection, DbTransaction transaction, string nodeId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT last_version FROM node_state WHERE node_id = @node";
        command.AddParameter("@node", nodeId);
        return await command.ExecuteScalarAsync(cancellationToken) is string text ? HlcText.Parse(text) : null;
    }

    private static async Task<long> ReadAckedAsync(DbConnection connection, DbTransaction? transaction, string nodeId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT acked_seq FROM node_state WHERE node_id = @node";
        command.AddParameter("@node", nodeId);
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    private static async Task WriteAckedAsync(DbConnection connection, DbTransaction transaction, string nodeId, long acked, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO node_state (node_id, acked_seq) VALUES (@node, @acked)
            ON CONFLICT(node_id) DO UPDATE SET acked_seq = excluded.acked_seq
            """;
        command.AddParameter("@node", nodeId);
        command.AddParameter("@acked", acked);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A node as the fleet view shows it: what it last said of itself and what the hub has of it.</summary>
public sealed record NodeState(string NodeId, long AckedSeq, long? LastSeenMs, long? ClockOffsetMs, long? ReportedBacklog, string? SoftwareVersion, System.Text.Json.JsonElement? Devices, string? LastError)
{
    /// <summary>The node's change-log incarnations and what the hub noticed about them (reinstalled, restored, two machines).</summary>
    public NodeIncarnations? Incarnations { get; init; }

    /// <summary>Cursor resets and repairs (null: none yet), so the fleet view lists the nodes that re-synced after a restore.</summary>
    public NodeResync? Resync { get; init; }
}

/// <summary>One message of a pull: entries, the cursor to resume from, and whether more follow.</summary>
public sealed record PullPage(IReadOnlyList<HubLogEntry> Entries, long Cursor, bool More);

/// <summary>What a node says of itself at a handshake.</summary>
public sealed record NodeHello(string NodeId, long SeenMs, long ClockOffsetMs, long Backlog, string SoftwareVersion, string DevicesJson);
