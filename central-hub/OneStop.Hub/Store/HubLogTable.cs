using System.Data.Common;
using System.Globalization;
using System.Text;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The insert into hub_log on SQLite, whose INTEGER PRIMARY KEY numbers a NULL hub_seq itself, row after row in
/// the order given (PostgreSQL passes the positions its sequencer gave, <see cref="PostgresHubDatabase"/>).
/// </summary>
internal static class HubLogTable
{
    // 8 parameters a row: far below SQLite's 32,766.
    private const int RowsPerStatement = 250;

    /// <summary>Appends a batch's entries with one statement per <see cref="RowsPerStatement"/> rows instead of one per entry.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingLogEntry> pending, CancellationToken cancellationToken)
    {
        foreach (var chunk in pending.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                var entry = chunk[i].Entry;
                rows.Append(i == 0 ? string.Empty : ",").Append($"(NULL, @origin{n}, @seq{n}, @record{n}, @scope{n}, @entry{n}, @clamped{n}, @incarnation{n}, @digest{n})");
                command.AddParameter("@origin" + n, entry.OriginNode);
                command.AddParameter("@seq" + n, entry.OriginSeq);
                command.AddParameter("@record" + n, entry.RecordId.ToString());
                command.AddParameter("@scope" + n, entry.Scope);
                command.AddParameter("@entry" + n, chunk[i].Stored ?? RecordSealing.EncodeEntry(connection, entry));
                command.AddParameter("@clamped" + n, entry.ClockClamped ? 1L : 0L);
                command.AddParameter("@incarnation" + n, entry.OriginIncarnation);
                command.AddParameter("@digest" + n, chunk[i].Digest);
            }

            command.CommandText = $"INSERT INTO hub_log (hub_seq, origin_node, origin_seq, record_id, scope, entry, clamped, origin_incarnation, digest) VALUES {rows}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
