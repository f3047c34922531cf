using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using OneStop.Core.Privacy;
using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// The node's embedded store. Every local write appends its change-log entry in the same SQLite
/// transaction as the record, so there is no write without its log entry and no entry without its
/// write, whatever the moment of a power cut.
/// </summary>
public sealed partial class EdgeStore
{
    private readonly SqliteDatabase _database;
    private readonly StoreWriter _writer;
    private HybridLogicalClock? _clock;

    public EdgeStore(SqliteDatabase database, string nodeId)
    {
        _database = database;
        _writer = new StoreWriter(database, MetaKeys.Clock, database.Writes);
        NodeId = nodeId;
    }

    public string NodeId { get; }

    public HybridLogicalClock Clock => _clock ?? throw new InvalidOperationException("The store is not initialised.");

    /// <summary>Raised after a local write commits, so the sync agent can push without waiting for its timer.</summary>
    public event Action? LocalWriteCommitted;

    /// <summary>Runs before every write and may refuse it by throwing (storage health: a damaged file takes no writes).</summary>
    public Action? BeforeWrite { get; init; }

    public async Task InitialiseAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        await _database.EnsureSchemaAsync(EdgeSchema.Sql, cancellationToken);
        await DossierIdIndexTable.EnsureAsync(_database, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var saved = await MetaTable.ReadAsync(connection, null, MetaKeys.Clock, cancellationToken);
        HlcTimestamp? restored = saved is null ? null : HlcText.Parse(saved);
        _clock = new HybridLogicalClock(time, NodeId, restored);
    }

    /// <summary>
    /// Writes fields of a record (raw JSON values; null deletes the field) and logs the change.
    /// Fields whose value is unchanged are not rewritten, so a repeated save logs nothing.
    /// </summary>
    public async Task<StoredRecord> WriteAsync(Guid id, string type, string scope, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        var record = await _writer.WriteSqliteAsync(
            (connection, transaction) => WriteInTransactionAsync(connection, transaction, id, type, scope, (local, version) => LocalWrite.Fields(local, values, version), cancellationToken),
            Clock,
            cancellationToken);
        LocalWriteCommitted?.Invoke();
        return record;
    }

    /// <summary>
    /// Stores attachment content (once per hash) and writes its attachment record, in one transaction.
    /// </summary>
    public async Task<StoredRecord> AddAttachmentAsync(Guid attachmentId, string scope, IReadOnlyDictionary<string, string?> metadata, string sha256, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        var record = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO blobs (sha256, size, content_type, data) VALUES ($sha, $size, $type, $data)
                    ON CONFLICT(sha256) DO NOTHING
                    """;
                command.Parameters.AddWithValue("$sha", sha256);
                command.Parameters.AddWithValue("$size", content.LongLength);
                command.Parameters.AddWithValue("$type", contentType);
                command.Parameters.AddWithValue("$data", RecordSealing.Of(connection)?.SealContent(sha256, content) ?? content);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return await WriteInTransactionAsync(connection, transaction, attachmentId, RecordTypes.Attachment, scope, (local, version) => LocalWrite.Fields(local, metadata, version), cancellationToken);
        }, Clock, cancellationToken);
        LocalWriteCommitted?.Invoke();
        return record;
    }

    /// <summary>Own change-log entries after <paramref name="afterSeq"/>, bounded by count and encoded size.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> ReadChangesAfterAsync(long afterSeq, int maxEntries, int maxBytes, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry FROM change_log WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", maxEntries);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ChangeEntry>();
        var bytes = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(0);
            var entry = RecordSealing.DecodeEntry(connection, text);
            // The bound is on what goes on the wire, where values travel opened.
            bytes += text.Contains(FieldEnvelope.Prefix, StringComparison.Ordinal) ? ChangeCodec.EncodeEntry(entry).Length : text.Length;
            if (entries.Count > 0 && bytes > maxBytes)
            {
                break;
            }

            entries.Add(entry with { OriginIncarnation = Incarnation });
        }

        return entries;
    }

    /// <summary>Applies entries pulled from the hub and moves the pull cursor, in one transaction.</summary>
    public Task<int> ApplyPulledAsync(IReadOnlyList<HubLogEntry> entries, long cursor, CancellationToken cancellationToken = default) =>
        ApplyPulledAsync(entries, cursor, string.Empty, cancellationToken);

    /// <summary>As above, keeping the hub's fingerprint of its log at the cursor with it (see <see cref="ReadPullMarkAsync"/>).</summary>
    public async Task<int> ApplyPulledAsync(IReadOnlyList<HubLogEntry> entries, long cursor, string cursorMark, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        return await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var applied = 0;
            foreach (var entry in entries)
            {
                foreach (var field in entry.Change.Fields)
                {
                    Clock.Observe(field.Version);
                }

                var result = entry.Change.OriginNode == NodeId && entry.Change.ClockClamped
                    ? await ReclockOwnAsync(connection, transaction, entry.Change, Incarnation, cancellationToken)
                    : await RecordTable.MergeAsync(connection, transaction, entry.Change, cancellationToken);
                applied += result.Applied.Count > 0 ? 1 : 0;
            }

            // A late reply to an older pull must not move the cursor back (entries re-applied are no-ops anyway).
            var held = await MetaTable.ReadAsync(connection, transaction, MetaKeys.PullCursor, cancellationToken);
            if (held is null || long.Parse(held, System.Globalization.CultureInfo.InvariantCulture) < cursor)
            {
                await MetaTable.WriteAsync(connection, transaction, MetaKeys.PullCursor, cursor.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                await MetaTable.WriteAsync(connection, transaction, RepairMetaKeys.PullMark, cursorMark, cancellationToken);
            }

            return applied;
        }, Clock, cancellationToken, WriteLane.Background);
    }

    /// <summary>Seeds reference records (the sample catalogue) without logging them: they belong to the hub.</summary>
    public async Task SeedReferenceAsync(IEnumerable<ChangeEntry> entries, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            foreach (var entry in entries)
            {
                await RecordTable.MergeAsync(connection, transaction, entry, cancellationToken);
            }

            return entries;
        }, null, cancellationToken);
    }

    public async Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var text = await MetaTable.ReadAsync(connection, null, key, cancellationToken);
        return text is null ? 0 : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <remarks>
    /// In the writers' queue: the sync agent writes its ack cursor after every pushed batch and the clock watch after
    /// every Hello; outside the queue those writes met the clerk's saves inside SQLite, whose busy handler sleeps 1 to
    /// 50 ms between attempts, a tail on the save while a backlog drains.
    /// </remarks>
    public async Task WriteCursorAsync(string key, long value, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        await _writer.QueuedAsync(async () =>
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            using var transaction = SqliteDatabase.BeginWrite(connection);
            await MetaTable.WriteAsync(connection, transaction, key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            transaction.Commit();
        }, cancellationToken, WriteLane.Background);
    }

    /// <summary>The highest own change-log seq: the hub need not send those entries back.</summary>
    public async Task<long> ReadLastOwnSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Own changes not yet acknowledged by the hub.</summary>
    public async Task<long> CountBacklogAsync(CancellationToken cancellationToken = default)
    {
        // One statement on one connection: the sync bar asks every few seconds on every open page.
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM change_log
            WHERE seq > COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = $key), 0)
            """;
        command.Parameters.AddWithValue("$key", MetaKeys.PushAcked);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<StoredRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await RecordTable.LoadAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordData>> ListAsync(string type, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await RecordTable.ListAsync(connection, type, null, limit, cancellationToken);
    }

    /// <summary>
    /// Settles a conflict with a value (either side's or a new one): a write newer than both sides that
    /// has seen both, logged even when the value equals the current winner, so it travels and closes
    /// the conflict everywhere. Null when the conflict is no longer open.
    /// </summary>
    public async Task<StoredRecord?> ResolveConflictAsync(Guid conflictId, string json, CancellationToken cancellationToken = default)
    {
        BeforeWrite?.Invoke();
        var record = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            // Looked up inside the write: a conflict closed by a write queued before this one is not resolved twice.
            var open = await ConflictTable.FindOpenAsync(connection, conflictId, cancellationToken, transaction);
            if (open is null)
            {
                return null;
            }

            var conflict = open.Conflict;
            return await WriteInTransactionAsync(connection, transaction, conflict.RecordId, open.RecordType, open.Scope, (local, version) => [ConflictReview.Resolve(local, conflict, json, version)], cancellationToken);
        }, Clock, cancellationToken);
        if (record is not null)
        {
            LocalWriteCommitted?.Invoke();
        }

        return record;
    }

    /// <summary>Open conflicts in this node's records, for review.</summary>
    public async Task<IReadOnlyList<OpenConflict>> ListConflictsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ConflictTable.ListOpenAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// The hub pulled one of our own entries back to a plausible time: replace our copy of those
    /// writes with the hub's, or this node would keep versions no other replica holds.
    /// </summary>
    private static async Task<MergeResult> ReclockOwnAsync(SqliteConnection connection, SqliteTransaction transaction, ChangeEntry clamped, string incarnation, CancellationToken cancellationToken)
    {
        var local = await RecordTable.LoadAsync(connection, transaction, clamped.RecordId, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = clamped.OriginIncarnation == incarnation
            ? "SELECT entry FROM change_log WHERE seq = $seq"
            : "SELECT entry FROM change_log_retired WHERE incarnation = $incarnation AND seq = $seq";
        command.Parameters.AddWithValue("$seq", clamped.OriginSeq);
        command.Parameters.AddWithValue("$incarnation", clamped.OriginIncarnation);
        var original = await command.ExecuteScalarAsync(cancellationToken) is string text ? RecordSealing.DecodeEntry(connection, text) : null;
        var result = local is not null && original is not null
            ? RecordMerge.Reclock(local, original, clamped)
            : RecordMerge.Apply(local, clamped);
        await RecordTable.SaveMergedAsync(connection, transaction, local, result, cancellationToken);
        return result;
    }

    /// <summary>
    /// A local write inside the caller's transaction: only changed fields, one version for the write,
    /// record and change-log entry together. A repeated save of the same values logs nothing.
    /// </summary>
    private async Task<StoredRecord> WriteInTransactionAsync(SqliteConnection connection, SqliteTransaction transaction, Guid id, string type, string scope, Func<StoredRecord?, HlcTimestamp, IReadOnlyList<FieldChange>> build, CancellationToken cancellationToken)
    {
        var local = await RecordTable.LoadAsync(connection, transaction, id, cancellationToken);
        var fields = build(local, Clock.Now());
        if (fields.Count == 0 && local is not null)
        {
            return local;
        }

        var seq = await NextSeqAsync(connection, transaction, cancellationToken);
        var entry = new ChangeEntry(NodeId, seq, id, local?.Type ?? type, local?.Scope ?? scope, fields);
        var result = RecordMerge.Apply(local, entry);
        await RecordTable.SaveMergedAsync(connection, transaction, local, result, cancellationToken);
        await AppendLogAsync(connection, transaction, entry, cancellationToken);
        return result.Record;
    }

    private static async Task<long> NextSeqAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM change_log";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task AppendLogAsync(SqliteConnection connection, SqliteTransaction transaction, ChangeEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO change_log (seq, record_id, entry) VALUES ($seq, $record, $entry)";
        command.Parameters.AddWithValue("$seq", entry.OriginSeq);
        command.Parameters.AddWithValue("$record", entry.RecordId.ToString());
        command.Parameters.AddWithValue("$entry", RecordSealing.EncodeEntry(connection, entry));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
