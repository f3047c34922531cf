using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// Every change made through the console (and every sign-in), with who and when. Append-only: nothing in
/// the hub updates or deletes a row.
/// </summary>
public sealed class ConsoleAuditLog(ConsoleDatabase database, TimeProvider time) : IConsoleAudit
{
    public async Task AppendAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO console_audit (at_ms, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)";
        command.AddParameter("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.AddParameter("@actor", actor);
        command.AddParameter("@action", action);
        command.AddParameter("@target", target);
        command.AddParameter("@detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_ms, actor, action, target, detail FROM console_audit ORDER BY seq DESC LIMIT @max";
        command.AddParameter("@max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return list;
    }
}
