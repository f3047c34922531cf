using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>Picks the hub store's engine from one setting: Hub:Store=sqlite|postgres, plus Hub:ConnectionString (or ConnectionStrings:Hub).</summary>
public static class HubDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static IHubDatabase Create(HubOptions options, string? fallbackConnectionString, Func<SqliteDatabase> sqlite)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sqlite);
        if (options.Store == Postgres)
        {
            var connectionString = options.ConnectionString ?? fallbackConnectionString;
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Hub:Store is postgres but neither Hub:ConnectionString nor ConnectionStrings:Hub is set.")
                : new PostgresHubDatabase(connectionString);
        }

        return new SqliteHubDatabase(sqlite());
    }
}
