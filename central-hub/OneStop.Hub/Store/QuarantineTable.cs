using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// Entries a node could not send (too large) and pushed as stand-ins: acknowledged so the rest of its log
/// flows, never applied, and listed here so the fleet view shows that something is waiting on that node.
/// </summary>
public static class QuarantineTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS push_quarantine (
            node_id TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            record_type TEXT NOT NULL,
            reported_ms INTEGER NOT NULL,
            PRIMARY KEY (node_id, origin_seq)
        );
        """;

    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, ChangeEntry entry, long nowMs, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO push_quarantine (node_id, origin_seq, record_id, record_type, reported_ms)
            VALUES (@node, @seq, @record, @type, @now) ON CONFLICT DO NOTHING
            """;
        command.AddParameter("@node", entry.OriginNode);
        command.AddParameter("@seq", entry.OriginSeq);
        command.AddParameter("@record", entry.RecordId.ToString());
        command.AddParameter("@type", entry.RecordType);
        command.AddParameter("@now", nowMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<QuarantinedEntry>> ListAsync(IStoreDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, origin_seq, record_id, record_type, reported_ms FROM push_quarantine ORDER BY node_id, origin_seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<QuarantinedEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new QuarantinedEntry(reader.GetString(0), reader.GetInt64(1), Guid.Parse(reader.GetString(2)), reader.GetString(3), reader.GetInt64(4)));
        }

        return list;
    }
}

public sealed record QuarantinedEntry(string NodeId, long OriginSeq, Guid RecordId, string RecordType, long ReportedMs);
