using System.Data.Common;
using Microsoft.Data.Sqlite;
using OneStop.Core.Audit;

namespace OneStop.Storage;

/// <summary>
/// A chained audit entry as table columns, once for the node's audit_log and the hub's audit_entries (which adds
/// the node and chain in front), so both ends store and read the hashed fields alike.
/// </summary>
public static class AuditEntryColumns
{
    public const string Names = "seq, at_ms, actor, action, subject, detail, prev_hash, hash";

    public const string Values = "$seq, $at, $actor, $action, $subject, $detail, $prev, $hash";

    /// <summary>Binds the entry to the parameters of <see cref="Values"/>.</summary>
    public static void Bind(SqliteCommand command, ChainedAuditEntry chained)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(chained);
        command.Parameters.AddWithValue("$seq", chained.Entry.Sequence);
        command.Parameters.AddWithValue("$at", chained.Entry.AtMs);
        command.Parameters.AddWithValue("$actor", chained.Entry.Actor);
        command.Parameters.AddWithValue("$action", chained.Entry.Action);
        command.Parameters.AddWithValue("$subject", chained.Entry.Subject);
        command.Parameters.AddWithValue("$detail", (object?)chained.Entry.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$prev", chained.PreviousHash);
        command.Parameters.AddWithValue("$hash", chained.Hash);
    }

    /// <summary>The entry whose <see cref="Names"/> start at column <paramref name="first"/> of the row.</summary>
    public static ChainedAuditEntry Read(DbDataReader reader, int first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entry = new AuditEntry(
            reader.GetInt64(first),
            reader.GetInt64(first + 1),
            reader.GetString(first + 2),
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5));
        return new ChainedAuditEntry(entry, reader.GetString(first + 6), reader.GetString(first + 7));
    }
}
