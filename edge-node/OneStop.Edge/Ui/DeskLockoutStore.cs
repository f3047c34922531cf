using OneStop.Core.Accounts;
using OneStop.Storage;

namespace OneStop.Edge.Ui;

/// <summary>
/// The desk's sign-in lockout counts (per account and per client address) kept in edge.db, so restarting the node, or
/// pulling its plug, does not hand a guesser five fresh tries. A clear count is a missing row.
/// </summary>
public sealed class DeskLockoutStore(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS desk_sign_in_lockouts (
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            failed_in_a_row INTEGER NOT NULL,
            locked_until_ms INTEGER,
            PRIMARY KEY (kind, name)
        );
        """;

    /// <summary>Counts kept per account name (compared without case, as sign-in does).</summary>
    public const string Account = "account";

    /// <summary>Counts kept per client address.</summary>
    public const string Address = "address";

    private readonly SchemaOnce _schema = new(database, Schema);

    public async Task<IReadOnlyList<(string Kind, string Name, LockoutState State)>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, name, failed_in_a_row, locked_until_ms FROM desk_sign_in_lockouts";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, LockoutState)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), new LockoutState(reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt64(3))));
        }

        return rows;
    }

    /// <summary>Stores each state in one transaction; a clear one deletes its row.</summary>
    public async Task SaveAsync(IEnumerable<(string Kind, string Name, LockoutState State)> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        foreach (var (kind, name, state) in states)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = state == LockoutState.Clear
                ? "DELETE FROM desk_sign_in_lockouts WHERE kind = $kind AND name = $name"
                : """
                  INSERT INTO desk_sign_in_lockouts (kind, name, failed_in_a_row, locked_until_ms) VALUES ($kind, $name, $failed, $until)
                  ON CONFLICT (kind, name) DO UPDATE SET failed_in_a_row = excluded.failed_in_a_row, locked_until_ms = excluded.locked_until_ms
                  """;
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$name", kind == Account ? name.ToLowerInvariant() : name);
            command.Parameters.AddWithValue("$failed", state.FailedInARow);
            command.Parameters.AddWithValue("$until", (object?)state.LockedUntilMs ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
