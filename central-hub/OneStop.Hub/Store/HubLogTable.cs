using System.Data.Common;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>The insert into hub_log, once for both engines: SQLite numbers a NULL hub_seq itself, PostgreSQL passes the position its sequencer gave.</summary>
internal static class HubLogTable
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, PendingLogEntry pending, long? hubSeq, CancellationToken cancellationToken)
    {
        var entry = pending.Entry;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO hub_log (hub_seq, origin_node, origin_seq, record_id, scope, entry, clamped, origin_incarnation, digest)
            VALUES (@hubSeq, @origin, @seq, @record, @scope, @entry, @clamped, @incarnation, @digest)
            """;
        command.AddParameter("@hubSeq", hubSeq);
        command.AddParameter("@incarnation", entry.OriginIncarnation);
        command.AddParameter("@digest", pending.Digest);
        command.AddParameter("@clamped", entry.ClockClamped ? 1L : 0L);
        command.AddParameter("@origin", entry.OriginNode);
        command.AddParameter("@seq", entry.OriginSeq);
        command.AddParameter("@record", entry.RecordId.ToString());
        command.AddParameter("@scope", entry.Scope);
        command.AddParameter("@entry", RecordSealing.EncodeEntry(connection, entry));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
