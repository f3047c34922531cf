using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>Picks the hub store's engine from one setting: Hub:Store=sqlite|postgres, plus Hub:ConnectionString (or ConnectionStrings:Hub).</summary>
public static class HubDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <param name="options">The hub's settings: which engine, and its connection string.</param>
    /// <param name="fallbackConnectionString">ConnectionStrings:Hub, when Hub:ConnectionString is not set.</param>
    /// <param name="sqlite">The embedded store's database, made only when it is the one chosen.</param>
    /// <param name="cipher">The province's key on a PostgreSQL store (an SQLite one carries its own, <see cref="SqliteDatabase.Cipher"/>).</param>
    public static IHubDatabase Create(HubOptions options, string? fallbackConnectionString, Func<SqliteDatabase> sqlite, OneStop.Core.Privacy.PersonalDataCipher? cipher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sqlite);
        if (options.Store == Postgres)
        {
            var connectionString = options.ConnectionString ?? fallbackConnectionString;
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Hub:Store is postgres but neither Hub:ConnectionString nor ConnectionStrings:Hub is set.")
                : new PostgresHubDatabase(connectionString) { Cipher = cipher };
        }

        return new SqliteHubDatabase(sqlite());
    }
}
