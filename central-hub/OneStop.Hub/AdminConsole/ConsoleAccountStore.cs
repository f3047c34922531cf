using OneStop.Core.Accounts;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>A province account as the hub keeps it: the password only as an ASP.NET Core Identity hash.</summary>
public sealed record ConsoleAccount(string UserName, string DisplayName, string Role, string PasswordHash, bool Disabled, LockoutState Lockout);

/// <summary>The province's own accounts (province admins and viewers), who sign in to the console.</summary>
public sealed class ConsoleAccountStore(ConsoleDatabase database)
{
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM console_accounts";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<ConsoleAccount?> GetAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user_name, display_name, role, password_hash, disabled, failed_in_a_row, locked_until_ms
            FROM console_accounts WHERE user_name = @user
            """;
        command.AddParameter("@user", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ConsoleAccount(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4) != 0,
                new LockoutState(reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)))
            : null;
    }

    /// <returns>False when the user name is taken.</returns>
    public async Task<bool> CreateAsync(string userName, string displayName, string role, string passwordHash, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_accounts (user_name, display_name, role, password_hash, created_ms)
            VALUES (@user, @display, @role, @hash, @now) ON CONFLICT DO NOTHING
            """;
        command.AddParameter("@user", userName);
        command.AddParameter("@display", displayName);
        command.AddParameter("@role", role);
        command.AddParameter("@hash", passwordHash);
        command.AddParameter("@now", nowMs);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Sets a new password hash and lifts any lock; creates the account when missing (the reset verb's way in).</summary>
    public async Task SetPasswordAsync(string userName, string displayName, string role, string passwordHash, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO console_accounts (user_name, display_name, role, password_hash, created_ms)
            VALUES (@user, @display, @role, @hash, @now)
            ON CONFLICT(user_name) DO UPDATE SET password_hash = excluded.password_hash, disabled = 0,
                failed_in_a_row = 0, locked_until_ms = NULL
            """;
        command.AddParameter("@user", userName);
        command.AddParameter("@display", displayName);
        command.AddParameter("@role", role);
        command.AddParameter("@hash", passwordHash);
        command.AddParameter("@now", nowMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetLockoutAsync(string userName, LockoutState lockout, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE console_accounts SET failed_in_a_row = @failed, locked_until_ms = @until WHERE user_name = @user";
        command.AddParameter("@user", userName);
        command.AddParameter("@failed", lockout.FailedInARow);
        command.AddParameter("@until", lockout.LockedUntilMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
