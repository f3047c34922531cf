namespace OneStop.Hub.AdminConsole;

/// <summary>
/// <c>OneStop.Hub reset-console-admin [user]</c>: a new one-time password for a province admin (default
/// <see cref="FirstConsoleAdmin.UserName"/>), written to the password file; lifts a lockout. For the day the
/// only admin forgot the password; needs the shell on the hub, so it is as strong as the server's own access.
/// </summary>
public static class ConsoleAdminCommand
{
    public const string Verb = "reset-console-admin";

    public static Task<int> RunAsync(string[] args, string dataDirectory, TimeProvider time) =>
        RunAsync(args, new ConsoleDatabase(Path.Combine(dataDirectory, ConsoleDatabase.FileName)), dataDirectory, time);

    /// <summary>As above on the console's tables wherever the hub keeps them (<see cref="ConsoleDatabase.For"/>).</summary>
    public static async Task<int> RunAsync(string[] args, ConsoleDatabase database, string dataDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(database);
        var user = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : FirstConsoleAdmin.UserName;
        await database.InitialiseAsync(CancellationToken.None);
        var file = await FirstConsoleAdmin.ResetAsync(
            new ConsoleAccountStore(database), new ConsoleAuditLog(database, time), dataDirectory, user, time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None);
        Console.WriteLine($"new one-time password for console user '{user}' written to {Path.GetFullPath(file)}");
        return 0;
    }
}
