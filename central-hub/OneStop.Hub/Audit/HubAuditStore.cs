using Microsoft.Data.Sqlite;
using OneStop.Core.Audit;
using OneStop.Hub.AdminConsole;
using OneStop.Storage;

namespace OneStop.Hub.Audit;

/// <summary>
/// Every audit chain the hub holds, in the console's own database: the hub's own (console sign-ins, admin acts,
/// lookups of a resident's dossier) under <see cref="HubNode"/>, and each node's as it arrives. Append-only by
/// triggers. Each chain's head (last sequence and hash) and its first broken link, if one arrived, are kept
/// beside it so a new batch is checked against what is already trusted and the fleet view can flag a break.
/// </summary>
public sealed class HubAuditStore(ConsoleDatabase console, TimeProvider time)
{
    /// <summary>The node id the hub's own chain is kept under.</summary>
    public const string HubNode = "hub";

    /// <summary>The id of the hub's own chain.</summary>
    public const string ConsoleChain = "console";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_entries (
            node_id TEXT NOT NULL,
            chain_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            PRIMARY KEY (node_id, chain_id, seq)
        );
        CREATE INDEX IF NOT EXISTS audit_entries_at ON audit_entries (at_ms);
        CREATE INDEX IF NOT EXISTS audit_entries_subject ON audit_entries (subject);
        CREATE TABLE IF NOT EXISTS audit_chains (
            node_id TEXT NOT NULL,
            chain_id TEXT NOT NULL,
            last_seq INTEGER NOT NULL,
            last_hash TEXT NOT NULL,
            broken_seq INTEGER,
            broken_reason TEXT,
            broken_ms INTEGER,
            PRIMARY KEY (node_id, chain_id)
        );
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
        """;

    private const string Columns = "node_id, chain_id, " + AuditEntryColumns.Names;

    private readonly SchemaOnce _schema = new(console.AuditDatabase, Schema);

    private SqliteDatabase Database => console.AuditDatabase;

    /// <summary>Appends to the hub's own chain.</summary>
    public async Task<ChainedAuditEntry> AppendAsync(string actor, string action, string subject, string? detail, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var head = await HeadAsync(connection, transaction, HubNode, ConsoleChain, cancellationToken);
        var last = head is { } h ? new ChainedAuditEntry(new AuditEntry(h.LastSeq, 0, string.Empty, string.Empty, string.Empty, null), string.Empty, h.LastHash) : null;
        var next = AuditChain.Append(last, time.GetUtcNow().ToUnixTimeMilliseconds(), actor, action, subject, detail);
        await InsertAsync(connection, transaction, HubNode, ConsoleChain, next, cancellationToken);
        await SetHeadAsync(connection, transaction, HubNode, ConsoleChain, next, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return next;
    }

    /// <summary>
    /// Takes a node's entries (oldest first) and checks them against the chain's trusted head: entries already
    /// held must be the same (same hash), new ones must link on. Stores the good prefix; at the first break it
    /// stops, flags the chain and keeps the flag. Returns the highest sequence held, which is what the node is told.
    /// </summary>
    public async Task<NodeAuditReceipt> ReceiveAsync(string nodeId, string chainId, IReadOnlyList<ChainedAuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var head = await HeadAsync(connection, transaction, nodeId, chainId, cancellationToken);
        var lastSeq = head?.LastSeq ?? 0;
        var lastHash = head?.LastHash ?? AuditChain.GenesisHash;
        AuditChainBreak? broken = null;
        var fresh = new List<ChainedAuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entry.Sequence <= lastSeq)
            {
                // Sent again after a lost acknowledgement: harmless when identical, a rewritten past when not.
                if (await StoredHashAsync(connection, transaction, nodeId, chainId, entry.Entry.Sequence, cancellationToken) is { } stored
                    && !string.Equals(stored, entry.Hash, StringComparison.Ordinal))
                {
                    broken = new AuditChainBreak(entry.Entry.Sequence, AuditBreakReason.HashMismatch);
                    break;
                }

                continue;
            }

            fresh.Add(entry);
        }

        if (broken is null && AuditChain.Verify(fresh, lastHash, lastSeq) is { } freshBreak)
        {
            broken = freshBreak;
        }

        ChainedAuditEntry? newHead = null;
        foreach (var entry in fresh.TakeWhile(e => broken is null || e.Entry.Sequence < broken.Sequence))
        {
            await InsertAsync(connection, transaction, nodeId, chainId, entry, cancellationToken);
            newHead = entry;
        }

        if (newHead is not null)
        {
            await SetHeadAsync(connection, transaction, nodeId, chainId, newHead, cancellationToken);
        }

        if (broken is not null)
        {
            if (head is null && newHead is null)
            {
                await SetHeadAsync(connection, transaction, nodeId, chainId, null, cancellationToken);
            }

            await using var flag = connection.CreateCommand();
            flag.Transaction = transaction;
            // The first break is the one to look at; later ones follow from it.
            flag.CommandText = """
                UPDATE audit_chains SET broken_seq = $seq, broken_reason = $reason, broken_ms = $at
                WHERE node_id = $node AND chain_id = $chain AND broken_seq IS NULL
                """;
            flag.Parameters.AddWithValue("$seq", broken.Sequence);
            flag.Parameters.AddWithValue("$reason", broken.Reason.ToString());
            flag.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            flag.Parameters.AddWithValue("$node", nodeId);
            flag.Parameters.AddWithValue("$chain", chainId);
            await flag.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new NodeAuditReceipt(newHead?.Entry.Sequence ?? lastSeq, broken);
    }

    /// <summary>Every chain the hub holds, with its head and the break flagged on arrival (if any).</summary>
    public async Task<IReadOnlyList<AuditChainState>> ListChainsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, chain_id, last_seq, broken_seq, broken_reason FROM audit_chains ORDER BY node_id, chain_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuditChainState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AuditChainState(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : new AuditChainBreak(reader.GetInt64(3), Enum.Parse<AuditBreakReason>(reader.GetString(4)))));
        }

        return list;
    }

    /// <summary>Re-checks every stored entry of the chains of <paramref name="nodeId"/> (all when null) from the start.</summary>
    public async Task<IReadOnlyList<(AuditChainState Chain, AuditVerification Result)>> VerifyAsync(string? nodeId, CancellationToken cancellationToken = default)
    {
        var results = new List<(AuditChainState, AuditVerification)>();
        foreach (var chain in (await ListChainsAsync(cancellationToken)).Where(c => nodeId is null || c.NodeId == nodeId))
        {
            results.Add((chain, await VerifyChainAsync(chain.NodeId, chain.ChainId, cancellationToken)));
        }

        return results;
    }

    /// <summary>Entries matching the filter, newest first.</summary>
    public async Task<IReadOnlyList<StoredAuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        Filter(command, where, "node_id = $node", "$node", query.NodeId);
        Filter(command, where, "actor = $actor COLLATE NOCASE", "$actor", query.Actor);
        Filter(command, where, "subject LIKE $subject", "$subject", string.IsNullOrWhiteSpace(query.Subject) ? null : "%" + query.Subject.Trim() + "%");
        Filter(command, where, "at_ms >= $from", "$from", query.FromMs);
        Filter(command, where, "at_ms < $to", "$to", query.ToMs);
        command.CommandText = $"SELECT {Columns} FROM audit_entries {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))} ORDER BY at_ms DESC, seq DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", query.Max);
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<AuditVerification> VerifyChainAsync(string nodeId, string chainId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await AuditVerification.OfPagesAsync(async (after, max) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM audit_entries WHERE node_id = $node AND chain_id = $chain AND seq > $after ORDER BY seq LIMIT $max";
            command.Parameters.AddWithValue("$node", nodeId);
            command.Parameters.AddWithValue("$chain", chainId);
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$max", max);
            return [.. (await ReadAsync(command, cancellationToken)).Select(e => e.Chained)];
        });
    }

    private static void Filter(SqliteCommand command, List<string> where, string clause, string name, object? value)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        where.Add(clause);
        command.Parameters.AddWithValue(name, value is string s ? s.Trim() : value);
    }

    private static async Task<List<StoredAuditEntry>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredAuditEntry(reader.GetString(0), reader.GetString(1), AuditEntryColumns.Read(reader, 2)));
        }

        return list;
    }

    private static async Task<(long LastSeq, string LastHash)?> HeadAsync(SqliteConnection connection, SqliteTransaction transaction, string nodeId, string chainId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT last_seq, last_hash FROM audit_chains WHERE node_id = $node AND chain_id = $chain";
        command.Parameters.AddWithValue("$node", nodeId);
        command.Parameters.AddWithValue("$chain", chainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static async Task<string?> StoredHashAsync(SqliteConnection connection, SqliteTransaction transaction, string nodeId, string chainId, long seq, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash FROM audit_entries WHERE node_id = $node AND chain_id = $chain AND seq = $seq";
        command.Parameters.AddWithValue("$node", nodeId);
        command.Parameters.AddWithValue("$chain", chainId);
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string nodeId, string chainId, ChainedAuditEntry chained, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO audit_entries ({Columns}, received_ms) VALUES ($node, $chain, {AuditEntryColumns.Values}, $received)";
        command.Parameters.AddWithValue("$node", nodeId);
        command.Parameters.AddWithValue("$chain", chainId);
        AuditEntryColumns.Bind(command, chained);
        command.Parameters.AddWithValue("$received", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SetHeadAsync(SqliteConnection connection, SqliteTransaction transaction, string nodeId, string chainId, ChainedAuditEntry? head, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_chains (node_id, chain_id, last_seq, last_hash) VALUES ($node, $chain, $seq, $hash)
            ON CONFLICT (node_id, chain_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
            """;
        command.Parameters.AddWithValue("$node", nodeId);
        command.Parameters.AddWithValue("$chain", chainId);
        command.Parameters.AddWithValue("$seq", head?.Entry.Sequence ?? 0);
        command.Parameters.AddWithValue("$hash", head?.Hash ?? AuditChain.GenesisHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);
}

/// <summary>What the hub holds of a node's batch: the highest sequence stored, and the break it found, if any.</summary>
public sealed record NodeAuditReceipt(long HeldSequence, AuditChainBreak? Break);

/// <summary>A chain the hub holds: whose, how far, and the first break flagged when entries arrived.</summary>
public sealed record AuditChainState(string NodeId, string ChainId, long LastSequence, AuditChainBreak? FlaggedBreak);

/// <summary>A stored entry with the chain it belongs to.</summary>
public sealed record StoredAuditEntry(string NodeId, string ChainId, ChainedAuditEntry Chained);

/// <summary>Filters of the console's audit page; null or blank means any.</summary>
public sealed record AuditQuery(string? NodeId = null, string? Actor = null, string? Subject = null, long? FromMs = null, long? ToMs = null, int Max = 500);
