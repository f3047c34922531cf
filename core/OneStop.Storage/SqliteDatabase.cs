using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OneStop.Storage;

/// <summary>
/// Opens connections to one SQLite file with the settings that make an acknowledged write durable:
/// WAL so readers do not block the writer, synchronous=FULL so a commit survives a power cut.
/// </summary>
public sealed class SqliteDatabase : IStoreDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>The one queue of every writer of this file (see <see cref="WriteQueue"/>).</summary>
    public WriteQueue Writes { get; } = new();

    /// <summary>Seals personal fields of what is written through this database's connections (see <see cref="RecordSealing"/>); null: values as they are.</summary>
    public OneStop.Core.Privacy.PersonalDataCipher? Cipher { get; init; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        RecordSealing.Attach(connection, Cipher);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;", cancellationToken);
        return connection;
    }

    public bool SingleWriter => true;

    async Task<DbConnection> IStoreDatabase.OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    Task<DbTransaction> IStoreDatabase.BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(BeginWrite((SqliteConnection)connection));

    Task<DbTransaction> IStoreDatabase.BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // SQLite's busy timeout already waits for the one writer; nothing else is worth a second attempt.
    public bool IsTransient(DbException exception) => false;

    /// <summary>Creates the tables the owner declares; every statement is idempotent (IF NOT EXISTS).</summary>
    public async Task EnsureSchemaAsync(string schemaSql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, schemaSql, cancellationToken);
    }

    /// <summary>
    /// Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE), so two writers
    /// never both read then both try to upgrade and one fails with SQLITE_BUSY half way.
    /// </summary>
    public static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken = default, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
