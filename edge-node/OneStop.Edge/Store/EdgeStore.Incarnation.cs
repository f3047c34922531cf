using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Edge.Store;

/// <summary>
/// The change log's incarnation (see <see cref="IncarnationPolicy"/> and docs/sync.md): made when the store is
/// created, bound to the machine, renewed when the log was restored, forked or moved. Renewing retires the old
/// log and logs again, under new seqs, every own entry the hub never confirmed to this node, so nothing is lost.
/// </summary>
public sealed partial class EdgeStore
{
    /// <summary>The incarnation own entries are pushed under; "" for a store of the build before incarnations.</summary>
    public string Incarnation { get; private set; } = IncarnationPolicy.Legacy;

    /// <summary>The machine this store runs on, as read at start (null: unknown).</summary>
    public string? MachineIdentity { get; private set; }

    /// <summary>Why and when the node last started a new incarnation; null if it never had to.</summary>
    public IncarnationNote? Note { get; private set; }

    /// <summary>
    /// At start, after <see cref="InitialiseAsync"/>: gives a fresh store its incarnation, binds the store to
    /// this machine, and starts a new incarnation when the store was made on another machine. Returns the
    /// note when it started one.
    /// </summary>
    public async Task<IncarnationNote?> BindIncarnationAsync(string? machine, TimeProvider time, CancellationToken cancellationToken = default)
    {
        MachineIdentity = machine;
        var start = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var stored = await MetaTable.ReadAsync(connection, transaction, MetaKeys.Incarnation, cancellationToken);
            var bound = await MetaTable.ReadAsync(connection, transaction, MetaKeys.MachineIdentity, cancellationToken);
            var logEmpty = await ReadHeadAsync(connection, transaction, cancellationToken) == 0;
            Note = await MetaTable.ReadAsync(connection, transaction, MetaKeys.IncarnationNote, cancellationToken) is { } json
                ? JsonSerializer.Deserialize<IncarnationNote>(json)
                : null;
            var decision = IncarnationPolicy.AtStart(stored, logEmpty, bound, machine);
            if (decision == StartDecision.NewStore)
            {
                stored = NewIncarnationId(time);
                await MetaTable.WriteAsync(connection, transaction, MetaKeys.Incarnation, stored, cancellationToken);
            }

            if (decision is StartDecision.NewStore or StartDecision.Bind && machine is not null)
            {
                await MetaTable.WriteAsync(connection, transaction, MetaKeys.MachineIdentity, machine, cancellationToken);
            }

            return (Stored: stored, Decision: decision);
        }, null, cancellationToken);
        Incarnation = start.Stored ?? IncarnationPolicy.Legacy;

        if (start.Decision != StartDecision.Moved)
        {
            return null;
        }

        await ReincarnateAsync(IncarnationReason.Moved, await ReadCursorAsync(MetaKeys.PushAcked, cancellationToken), time, cancellationToken);
        return Note;
    }

    /// <summary>
    /// Starts a new incarnation: in one transaction the current log moves to change_log_retired, own entries
    /// after <paramref name="relogAfter"/> are logged again from seq 1 (same records, same field versions, so
    /// at the hub a repeat merges as a no-op), the push acknowledgement restarts at 0, and the store is bound
    /// to this machine.
    /// </summary>
    public async Task ReincarnateAsync(IncarnationReason reason, long relogAfter, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var started = await _writer.WriteSqliteAsync(async (connection, transaction) =>
        {
            var relog = new List<ChangeEntry>();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT entry FROM change_log WHERE seq > $after ORDER BY seq";
                read.Parameters.AddWithValue("$after", relogAfter);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    relog.Add(RecordSealing.DecodeEntry(connection, reader.GetString(0)));
                }
            }

            await using (var retire = connection.CreateCommand())
            {
                retire.Transaction = transaction;
                retire.CommandText = """
                    INSERT OR IGNORE INTO change_log_retired (incarnation, seq, record_id, entry) SELECT $incarnation, seq, record_id, entry FROM change_log;
                    DELETE FROM change_log;
                    """;
                retire.Parameters.AddWithValue("$incarnation", Incarnation);
                await retire.ExecuteNonQueryAsync(cancellationToken);
            }

            var seq = 0L;
            foreach (var entry in relog)
            {
                await AppendLogAsync(connection, transaction, entry with { OriginSeq = ++seq, OriginIncarnation = IncarnationPolicy.Legacy }, cancellationToken);
            }

            var incarnation = NewIncarnationId(time);
            var note = new IncarnationNote(ReasonName(reason), time.GetUtcNow(), Incarnation, relog.Count);
            await MetaTable.WriteAsync(connection, transaction, MetaKeys.Incarnation, incarnation, cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, MetaKeys.PushAcked, "0", cancellationToken);
            await MetaTable.WriteAsync(connection, transaction, MetaKeys.IncarnationNote, JsonSerializer.Serialize(note), cancellationToken);
            if (MachineIdentity is not null)
            {
                await MetaTable.WriteAsync(connection, transaction, MetaKeys.MachineIdentity, MachineIdentity, cancellationToken);
            }

            return (Incarnation: incarnation, Note: note);
        }, null, cancellationToken);
        Incarnation = started.Incarnation;
        Note = started.Note;
    }

    /// <summary>
    /// The hub knows earlier incarnations of this node and this store never noted one of its own: it was made
    /// fresh on a node that existed (reinstalled); the desk says so while its earlier dossiers come back.
    /// </summary>
    public async Task NoteRebuiltAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (Note is not null || Incarnation == IncarnationPolicy.Legacy)
        {
            return;
        }

        var note = new IncarnationNote(ReasonName(IncarnationReason.Rebuilt), time.GetUtcNow(), null, 0);
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var transaction = SqliteDatabase.BeginWrite(connection);
        await MetaTable.WriteAsync(connection, transaction, MetaKeys.IncarnationNote, JsonSerializer.Serialize(note), cancellationToken);
        transaction.Commit();
        Note = note;
    }

    private static string ReasonName(IncarnationReason reason) => reason.ToString().ToLowerInvariant();

    private static string NewIncarnationId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString();

    private static async Task<long> ReadHeadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM change_log";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

/// <param name="Reason">moved, regressed, clash or rebuilt (see <see cref="IncarnationReason"/>).</param>
/// <param name="At">When the node noticed.</param>
/// <param name="Previous">The incarnation it left; null for a fresh store.</param>
/// <param name="Relogged">Own entries logged again under the new incarnation.</param>
public sealed record IncarnationNote(string Reason, DateTimeOffset At, string? Previous, int Relogged);
