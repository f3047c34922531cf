using Microsoft.Data.Sqlite;
using OneStop.Core.Audit;
using OneStop.Storage;

namespace OneStop.Edge.Audit;

/// <summary>
/// The node's audit log: who viewed, changed, printed or exported a resident's data, and every admin act,
/// hash-chained (<see cref="AuditChain"/>) in its own table of the node's database. SQLite triggers refuse
/// UPDATE and DELETE, so the application cannot rewrite history; someone with the raw file can, and the
/// chain is what shows it.
/// </summary>
public sealed class EdgeAuditLog(SqliteDatabase database, TimeProvider time)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_log_subject ON audit_log (subject);
        CREATE TABLE IF NOT EXISTS audit_chain (
            one INTEGER PRIMARY KEY CHECK (one = 1),
            chain_id TEXT NOT NULL,
            hub_acked_seq INTEGER NOT NULL DEFAULT 0
        );
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    private const string Columns = AuditEntryColumns.Names;

    private readonly SchemaOnce _schema = new(async ct =>
    {
        await database.EnsureSchemaAsync(Schema, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_chain (one, chain_id) VALUES (1, $id) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$id", Guid.CreateVersion7(time.GetUtcNow()).ToString());
        await command.ExecuteNonQueryAsync(ct);
    });

    /// <summary>Appends one entry, chained to the last, in one write transaction so two appends never share a sequence.</summary>
    /// <remarks>In the file's writers' queue, in the desk's lane: the append is part of what a clerk waits for.</remarks>
    public async Task<ChainedAuditEntry> AppendAsync(string actor, string action, string subject, string? detail, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await database.Writes.RunAsync(WriteLane.Desk, () => AppendInTurnAsync(actor, action, subject, detail, cancellationToken), cancellationToken);
    }

    private async Task<ChainedAuditEntry> AppendInTurnAsync(string actor, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        var last = await ReadAsync(connection, transaction, $"SELECT {Columns} FROM audit_log ORDER BY seq DESC LIMIT 1", 0, 1, cancellationToken);
        var next = AuditChain.Append(last.Count == 0 ? null : last[0], time.GetUtcNow().ToUnixTimeMilliseconds(), actor, action, subject, detail);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES ({AuditEntryColumns.Values})";
            AuditEntryColumns.Bind(command, next);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return next;
    }

    /// <summary>Entries after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<ChainedAuditEntry>> ReadAfterAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, $"SELECT {Columns} FROM audit_log WHERE seq > $after ORDER BY seq LIMIT $max", afterSequence, max, cancellationToken);
    }

    /// <summary>Checks the whole chain, a page at a time; the first broken link, or how many entries held.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditVerification.OfPagesAsync((after, max) => ReadAfterAsync(after, max, cancellationToken));

    /// <summary>The chain's id (made with the table) and the highest sequence the hub acknowledged.</summary>
    public async Task<(string ChainId, long HubAcked)> ReadPositionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chain_id, hub_acked_seq FROM audit_chain WHERE one = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>Stores the hub's acknowledgement; the hub's word is the truth, even when it went backwards (a restored hub).</summary>
    public async Task SetHubAckedAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await database.Writes.RunAsync(WriteLane.Background, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_chain SET hub_acked_seq = $seq WHERE one = 1";
            command.Parameters.AddWithValue("$seq", sequence);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private static async Task<List<ChainedAuditEntry>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, long after, int max, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ChainedAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(AuditEntryColumns.Read(reader, 0));
        }

        return list;
    }
}
