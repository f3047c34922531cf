using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>Where a conflict stands, so a refused resolve can say "already settled" apart from "no such conflict".</summary>
public enum ConflictLookup
{
    /// <summary>No merge ever indexed this conflict.</summary>
    Unknown,

    /// <summary>Both sides held and neither superseded: it can be resolved.</summary>
    Open,

    /// <summary>Indexed once, but resolved since or superseded by a later write.</summary>
    Gone,
}

public sealed partial class HubStore
{
    public async Task<ConflictLookup> FindConflictAsync(Guid conflictId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ConflictTable.FindOpenAsync(connection, conflictId, cancellationToken) is not null)
        {
            return ConflictLookup.Open;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM conflicts WHERE id = @id";
        command.AddParameter("@id", conflictId.ToString());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0
            ? ConflictLookup.Gone
            : ConflictLookup.Unknown;
    }
}
