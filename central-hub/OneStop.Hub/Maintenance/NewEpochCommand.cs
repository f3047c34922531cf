using Microsoft.Extensions.Options;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Maintenance;

/// <summary>
/// <c>OneStop.Hub new-epoch [--Hub:Store=postgres --Hub:ConnectionString=...]</c>: after a PostgreSQL database was
/// restored (pg_restore, a base backup), gives its log a new epoch before the hubs start on it, as the
/// <c>restore</c> verb does for the SQLite file. Every node then re-pulls its commune and repairs.
/// </summary>
public static class NewEpochCommand
{
    public const string Verb = "new-epoch";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section);
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        var database = HubDatabases.Create(options, builder.Configuration.GetConnectionString("Hub"),
            () => new SqliteDatabase(HubBackup.DatabasePath(Path.GetFullPath(options.DataDirectory))));
        try
        {
            await database.MigrateAsync();
            var epoch = await HubStore.StartNewEpochAsync(database);
            Console.WriteLine($"new log epoch {epoch} on the {options.Store} store: nodes re-pull and repair at their next sync");
            return 0;
        }
        finally
        {
            if (database is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
