using Microsoft.Extensions.Options;
using OneStop.Storage;

namespace OneStop.Hub.Maintenance;

/// <summary>
/// Maintenance verbs of the hub executable, run instead of the server:
/// <c>OneStop.Hub backup &lt;file&gt;</c> (safe while the hub runs) and <c>OneStop.Hub restore &lt;file&gt;</c>
/// (hub stopped). Settings come from the same places as the server's (appsettings, environment, --Hub:...).
/// </summary>
public static class HubCommands
{
    /// <summary>The exit code of a verb, or null when <paramref name="args"/> names none (start the server).</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [NewEpochCommand.Verb, ..])
        {
            return await NewEpochCommand.RunAsync(args[1..]);
        }

        if (args is [Audit.HubAuditCommand.Verb, ..])
        {
            return await Audit.HubAuditCommand.RunAsync(args, DataDirectory, TimeProvider.System);
        }

        if (args is [Enrolment.EnrolmentTokenCommand.Verb, ..])
        {
            return await Enrolment.EnrolmentTokenCommand.RunAsync(args, TimeProvider.System);
        }

        if (args.Length == 0 || args[0] is not ("backup" or "restore" or AdminConsole.ConsoleAdminCommand.Verb))
        {
            return null;
        }

        if (args[0] == AdminConsole.ConsoleAdminCommand.Verb)
        {
            var (options, connectionString) = Settings(args.Skip(1).Where(a => a.StartsWith('-')).ToArray());
            return await AdminConsole.ConsoleAdminCommand.RunAsync(
                args, AdminConsole.ConsoleDatabase.For(options, connectionString), Path.GetFullPath(options.DataDirectory), TimeProvider.System);
        }

        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"usage: OneStop.Hub {args[0]} <file> [--Hub:DataDirectory=<folder>]");
            return 2;
        }

        var dataDirectory = DataDirectory(args[2..]);
        try
        {
            if (args[0] == "backup")
            {
                await HubBackup.BackupAsync(new SqliteDatabase(HubBackup.DatabasePath(dataDirectory)), args[1]);
                Console.WriteLine($"backed up {HubBackup.DatabasePath(dataDirectory)} to {Path.GetFullPath(args[1])}");
            }
            else
            {
                var epoch = await HubBackup.RestoreAsync(args[1], dataDirectory);
                Console.WriteLine($"restored {Path.GetFullPath(args[1])} into {dataDirectory}; new log epoch {epoch}: nodes re-pull and repair at their next sync");
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    private static (HubOptions Options, string? ConnectionString) Settings(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section);
        using var host = builder.Build();
        return (host.Services.GetRequiredService<IOptions<HubOptions>>().Value, builder.Configuration.GetConnectionString("Hub"));
    }

    private static string DataDirectory(string[] settings) => Path.GetFullPath(Settings(settings).Options.DataDirectory);
}
