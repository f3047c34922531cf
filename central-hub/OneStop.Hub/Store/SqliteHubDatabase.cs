using System.Data.Common;
using Microsoft.Data.Sqlite;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// The hub on one SQLite file (the default: nothing to install). SQLite admits one writer at a time and the
/// store also queues its own writers, so log positions are handed out in commit order without further work.
/// </summary>
public sealed class SqliteHubDatabase(SqliteDatabase database) : IHubDatabase
{
    public SqliteDatabase Database { get; } = database;

    public bool SingleWriter => true;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await Database.EnsureSchemaAsync(HubSchema.Sql, cancellationToken);
        await HubLogMigration.RunAsync(Database, cancellationToken);
        await Database.EnsureSchemaAsync(HubRepairSchema.Sql, cancellationToken);
        await Database.EnsureSchemaAsync(DossierLookupIndexes.Sqlite, cancellationToken);
        await Database.EnsureSchemaAsync(AttachmentChunkTable.SqliteSchema, cancellationToken);
    }

    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => ((IStoreDatabase)Database).OpenConnectionAsync(cancellationToken);

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) => ((IStoreDatabase)Database).BeginWriteAsync(connection, cancellationToken);

    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default) => ((IStoreDatabase)Database).BeginSnapshotAsync(connection, cancellationToken);

    public bool IsTransient(DbException exception) => Database.IsTransient(exception);

    // One writer at a time already: nothing else can touch these keys.
    public Task LockAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> keys, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AppendLogAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingLogEntry> entries, CancellationToken cancellationToken = default) =>
        HubLogTable.InsertAsync(connection, transaction, entries, cancellationToken);

    public async Task RunBookkeepingAsync(DbConnection connection, Func<Task> write, CancellationToken cancellationToken = default)
    {
        // It need not wait for its own fsync (WAL with synchronous=NORMAL still never corrupts; the next FULL
        // commit makes it durable).
        var sqlite = (SqliteConnection)connection;
        await SqliteDatabase.ExecuteAsync(sqlite, "PRAGMA synchronous=NORMAL", cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            // The connection goes back to the pool: every other write keeps its fsync.
            await SqliteDatabase.ExecuteAsync(sqlite, "PRAGMA synchronous=FULL", CancellationToken.None);
        }
    }
}
