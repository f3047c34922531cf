using System.Data.Common;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Merge;

namespace OneStop.Storage;

/// <summary>
/// An index of the conflicts merges have found. The truth stays in the records (every write is kept
/// there), so the index only says where to look: a conflict is listed while both of its writes are
/// still held and no write has seen either side (a resolution saw both; a write that saw one side made
/// the conflict between it and the other side, indexed in its turn). Both ends keep the same index from the same merge,
/// so a node and the hub list the same conflicts once they hold the same writes.
/// </summary>
public static class ConflictTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS conflicts (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            field TEXT NOT NULL,
            sides TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS conflicts_scope ON conflicts(scope);
        """;

    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, string scope, IEnumerable<FieldConflict> conflicts, CancellationToken cancellationToken = default)
    {
        foreach (var conflict in conflicts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO conflicts (id, record_id, scope, field, sides) VALUES (@id, @record, @scope, @field, @sides)
                ON CONFLICT(id) DO NOTHING
                """;
            command.AddParameter("@id", conflict.Id.ToString());
            command.AddParameter("@record", conflict.RecordId.ToString());
            command.AddParameter("@scope", scope);
            command.AddParameter("@field", conflict.Field);
            command.AddParameter("@sides", EncodeSides(connection, conflict));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Both sides are the record's values: sealed like them (only dossiers have personal fields).</summary>
    internal static string EncodeSides(DbConnection connection, FieldConflict conflict)
    {
        var cipher = RecordSealing.Of(connection);
        return ChangeCodec.EncodeFields(new Dictionary<string, FieldChange>
        {
            ["winner"] = cipher?.Seal(conflict.RecordId, RecordTypes.Dossier, conflict.Winner) ?? conflict.Winner,
            ["loser"] = cipher?.Seal(conflict.RecordId, RecordTypes.Dossier, conflict.Loser) ?? conflict.Loser,
        });
    }

    /// <summary>Open conflicts (both sides held, not settled), optionally of one scope, oldest record first.</summary>
    public static async Task<IReadOnlyList<OpenConflict>> ListOpenAsync(DbConnection connection, string? scope, CancellationToken cancellationToken = default)
    {
        var rows = new List<(Guid Id, Guid RecordId, string Field, string Sides)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = scope is null
                ? "SELECT id, record_id, field, sides FROM conflicts ORDER BY record_id, field, id"
                : "SELECT id, record_id, field, sides FROM conflicts WHERE scope = @scope ORDER BY record_id, field, id";
            command.AddParameter("@scope", (object?)scope ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
            }
        }

        var open = new List<OpenConflict>();
        foreach (var group in rows.GroupBy(row => row.RecordId))
        {
            var record = await RecordTable.LoadAsync(connection, null, group.Key, cancellationToken);
            foreach (var row in group)
            {
                var sides = ChangeCodec.DecodeFields(row.Sides);
                var conflict = OpenSides(connection, new FieldConflict(row.RecordId, row.Field, sides["winner"], sides["loser"]));
                if (record is not null && IsOpen(record, conflict))
                {
                    open.Add(new OpenConflict(row.Id, record.Type, record.Scope, conflict));
                }
            }
        }

        return open;
    }

    // transaction: the caller's open transaction, when it looks the conflict up inside its own write.
    public static async Task<OpenConflict?> FindOpenAsync(DbConnection connection, Guid id, CancellationToken cancellationToken = default, DbTransaction? transaction = null)
    {
        string recordId, field, sides;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT record_id, field, sides FROM conflicts WHERE id = @id";
            command.AddParameter("@id", id.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (recordId, field, sides) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        var record = await RecordTable.LoadAsync(connection, transaction, Guid.Parse(recordId), cancellationToken);
        var decoded = ChangeCodec.DecodeFields(sides);
        var conflict = OpenSides(connection, new FieldConflict(Guid.Parse(recordId), field, decoded["winner"], decoded["loser"]));
        return record is not null && IsOpen(record, conflict) ? new OpenConflict(id, record.Type, record.Scope, conflict) : null;
    }

    private static FieldConflict OpenSides(DbConnection connection, FieldConflict conflict) =>
        RecordSealing.Of(connection) is { } cipher
            ? conflict with { Winner = cipher.Open(conflict.RecordId, conflict.Winner), Loser = cipher.Open(conflict.RecordId, conflict.Loser) }
            : conflict;

    /// <summary>Both writes are still in the record (a clamp re-clock can replace one) and no write saw either.</summary>
    public static bool IsOpen(StoredRecord record, FieldConflict conflict)
    {
        var writes = FieldHistory.Writes(record, conflict.Field);
        return writes.Any(write => WriteIdentity.SameWrite(write, conflict.Winner))
            && writes.Any(write => WriteIdentity.SameWrite(write, conflict.Loser))
            && !ConflictReview.IsResolved(record, conflict);
    }
}

/// <summary>A conflict waiting for review, with the record it belongs to.</summary>
public sealed record OpenConflict(Guid Id, string RecordType, string Scope, FieldConflict Conflict)
{
    /// <summary>A shape for APIs and screens: both values and both origins and times.</summary>
    public object ToView() => new
    {
        id = Id,
        recordId = Conflict.RecordId,
        recordType = RecordType,
        scope = Scope,
        field = Conflict.Field,
        winner = Side(Conflict.Winner),
        loser = Side(Conflict.Loser),
    };

    private static object Side(FieldChange write) => new
    {
        value = write.Json is null ? (JsonElement?)null : JsonDocument.Parse(write.Json).RootElement.Clone(),
        deleted = write.Deleted,
        node = write.Version.Node,
        wallMs = write.Version.WallMs,
        counter = write.Version.Counter,
    };
}
