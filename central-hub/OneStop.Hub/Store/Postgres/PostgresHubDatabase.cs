using System.Data;
using System.Data.Common;
using Npgsql;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The hub on PostgreSQL: several hub instances can share it and pushes run in parallel. Two things keep that
/// safe. Writers lock what they change (a node's acknowledgement, a commune's records) with transaction-scoped advisory
/// locks taken in one order. And the log is numbered at commit through one sequencer row: a transaction takes
/// it as its last step, so log positions commit in the order they were given and a reader that sees position n
/// can never later meet an entry below n (a plain sequence numbers at insert, and a slow transaction holding
/// seq 5 could commit after a reader had moved its cursor past 6). Only that last step is serial; loading,
/// merging and saving records run in parallel.
/// </summary>
public sealed class PostgresHubDatabase(NpgsqlDataSource dataSource) : IHubDatabase, IAsyncDisposable
{
    // A distinct first key for the hub's advisory locks, so other users of the same database cannot collide.
    private const int LockSpace = 0x4f53;

    public PostgresHubDatabase(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString))
    {
    }

    public bool SingleWriter => false;

    /// <summary>Seals personal fields of what is written through this database's connections (see <see cref="RecordSealing"/>); null: values as they are.</summary>
    public OneStop.Core.Privacy.PersonalDataCipher? Cipher { get; init; }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var version = 1; version <= PostgresHubSchema.Migrations.Count; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // One migrator at a time across every hub instance on this database.
            await ExecuteAsync(connection, transaction, $"""
                SELECT pg_advisory_xact_lock({LockSpace}, 0);
                CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
                """, cancellationToken);
            await using (var check = new NpgsqlCommand("SELECT COUNT(*) FROM schema_version WHERE version = @version", connection, transaction))
            {
                check.Parameters.AddWithValue("version", version);
                if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    continue;
                }
            }

            await ExecuteAsync(connection, transaction, PostgresHubSchema.Migrations[version - 1], cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({version})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The highest migration applied, once <see cref="MigrateAsync"/> has run.</summary>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        RecordSealing.Attach(connection, Cipher);
        return connection;
    }

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    // 40P01 deadlock, 40001 serialisation failure: the transaction was rolled back whole and may run again.
    public bool IsTransient(DbException exception) => exception is PostgresException { SqlState: "40P01" or "40001" };

    public async Task LockAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        // Sorted by the lock's own key, so any two writers take their common locks in the same order.
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({LockSpace}, k)
            FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest(@keys) AS key ORDER BY k) AS ordered
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("keys", keys.Distinct(StringComparer.Ordinal).ToArray());

        // A wait for a lock is a queue, not a stuck query: it lasts as long as the writers ahead of it (the call's
        // cancellation still ends it). The default 30 s timeout failed pushes under a 40-node burst.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AppendLogAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingLogEntry> entries, CancellationToken cancellationToken = default)
    {
        // Taken even for no entries: the clock saved after this step is then written in the same order too.
        long last;
        await using (var take = new NpgsqlCommand("UPDATE hub_sequencer SET last_seq = last_seq + @count WHERE id = 1 RETURNING last_seq", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction))
        {
            take.Parameters.AddWithValue("count", (long)entries.Count);
            take.CommandTimeout = 0;
            last = (long)(await take.ExecuteScalarAsync(cancellationToken))!;
        }

        if (entries.Count == 0)
        {
            return;
        }

        // One statement for the whole batch: the sequencer row is held until commit, so this is the serial part
        // of every push and must not cost a round trip per entry.
        var first = last - entries.Count + 1;
        await using var insert = new NpgsqlCommand("""
            INSERT INTO hub_log (hub_seq, origin_node, origin_seq, record_id, scope, entry, clamped, origin_incarnation, digest)
            SELECT * FROM unnest(@hubSeq, @origin, @seq, @record, @scope, @entry, @clamped, @incarnation, @digest)
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        insert.Parameters.AddWithValue("hubSeq", entries.Select((_, i) => first + i).ToArray());
        insert.Parameters.AddWithValue("origin", entries.Select(e => e.Entry.OriginNode).ToArray());
        insert.Parameters.AddWithValue("seq", entries.Select(e => e.Entry.OriginSeq).ToArray());
        insert.Parameters.AddWithValue("record", entries.Select(e => e.Entry.RecordId.ToString()).ToArray());
        insert.Parameters.AddWithValue("scope", entries.Select(e => e.Entry.Scope).ToArray());
        insert.Parameters.AddWithValue("entry", entries.Select(e => e.Stored ?? RecordSealing.EncodeEntry(connection, e.Entry)).ToArray());
        insert.Parameters.AddWithValue("clamped", entries.Select(e => e.Entry.ClockClamped ? 1L : 0L).ToArray());
        insert.Parameters.AddWithValue("incarnation", entries.Select(e => e.Entry.OriginIncarnation).ToArray());
        insert.Parameters.AddWithValue("digest", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, entries.Select(e => e.Digest).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RunBookkeepingAsync(DbConnection connection, Func<Task> write, CancellationToken cancellationToken = default)
    {
        // As on SQLite: the next handshake rewrites it, so it need not wait for its WAL flush (a crash loses at
        // most this write, never consistency).
        var npgsql = (NpgsqlConnection)connection;
        await using (var relax = new NpgsqlCommand("SET synchronous_commit = off", npgsql))
        {
            await relax.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await write();
        }
        finally
        {
            // The connection goes back to the pool: every other write keeps its flush.
            await using var restore = new NpgsqlCommand("RESET synchronous_commit", npgsql);
            await restore.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
