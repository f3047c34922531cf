using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The first province admin, made at first start with a random one-time password written to
/// <see cref="FileName"/> (mode 0600, UTF-8 without a byte-order mark, so a copy-paste carries no invisible
/// character) in the hub's data folder; <c>OneStop.Hub reset-console-admin</c> writes a new one. A password
/// shipped with the software would open every province's console.
/// </summary>
public static class FirstConsoleAdmin
{
    public const string FileName = "console-admin-password";

    public const string UserName = "admin";

    /// <summary>Makes the first admin when the console has no account yet.</summary>
    /// <returns>The password file's path when an admin was made now, else null.</returns>
    public static async Task<string?> EnsureAsync(ConsoleAccountStore accounts, ConsoleAuditLog audit, string dataDirectory, long nowMs, CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken) > 0)
        {
            return null;
        }

        var password = NewPassword();
        if (!await accounts.CreateAsync(UserName, "Quản trị tỉnh", ConsoleRoles.Admin, new PasswordHasher<string>().HashPassword(UserName, password), nowMs, cancellationToken))
        {
            return null;
        }

        var path = WritePasswordFile(dataDirectory, password);
        await audit.AppendAsync("hub", "console.first_admin", UserName, null, cancellationToken);
        return path;
    }

    /// <summary>Gives <paramref name="userName"/> a new one-time password (creating it as a province admin when missing) and lifts its lock.</summary>
    public static async Task<string> ResetAsync(ConsoleAccountStore accounts, ConsoleAuditLog audit, string dataDirectory, string userName, long nowMs, CancellationToken cancellationToken)
    {
        var password = NewPassword();
        await accounts.SetPasswordAsync(userName, "Quản trị tỉnh", ConsoleRoles.Admin, new PasswordHasher<string>().HashPassword(userName, password), nowMs, cancellationToken);
        var path = WritePasswordFile(dataDirectory, password);
        await audit.AppendAsync("cli", "console.admin_reset", userName, null, cancellationToken);
        return path;
    }

    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));

    private static string WritePasswordFile(string dataDirectory, string password)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);

        // Deleted first: the mode applies only when a file is created, and an old file may have another.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.WriteLine(password);
        return path;
    }
}
