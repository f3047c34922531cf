using System.Data.Common;
using Npgsql;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The console's own tables (province accounts, audit, node history). They describe who runs the hub, not the
/// synced data, so they live apart from the records: in their own SQLite file beside the hub's on an embedded hub
/// (a restore of the records does not roll back who may sign in or what the audit saw), and in the hub's PostgreSQL
/// database when the hub runs on PostgreSQL, so several hub instances share one set of accounts and one audit, and the
/// server's backups hold them. Statements name parameters @like_this, which both engines read.
/// </summary>
public sealed class ConsoleDatabase : IAsyncDisposable
{
    public const string FileName = "console.db";

    // The hub store's advisory-lock space (PostgresHubDatabase), second key 1: one schema creator across hub instances.
    private const int LockSpace = 0x4f53;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS console_accounts (
            user_name TEXT PRIMARY KEY COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_in_a_row INTEGER NOT NULL DEFAULT 0,
            locked_until_ms INTEGER,
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS console_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT
        );
        CREATE TABLE IF NOT EXISTS node_history (
            node_id TEXT NOT NULL,
            seen_ms INTEGER NOT NULL,
            backlog INTEGER,
            clock_offset_ms INTEGER,
            software_version TEXT,
            last_refusal TEXT,
            faulty_devices INTEGER NOT NULL,
            PRIMARY KEY (node_id, seen_ms)
        );
        """;

    /// <summary>
    /// The same tables in PostgreSQL's words. User names compare without case as SQLite's NOCASE does, through a
    /// non-deterministic ICU collation (Debian's server is built with ICU), so "Admin" and "admin" stay one account.
    /// </summary>
    public const string PostgresSchema = """
        CREATE COLLATION IF NOT EXISTS console_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE IF NOT EXISTS console_accounts (
            user_name TEXT COLLATE console_nocase PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0,
            failed_in_a_row INTEGER NOT NULL DEFAULT 0,
            locked_until_ms BIGINT,
            created_ms BIGINT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS console_audit (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at_ms BIGINT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT
        );
        CREATE TABLE IF NOT EXISTS node_history (
            node_id TEXT NOT NULL,
            seen_ms BIGINT NOT NULL,
            backlog BIGINT,
            clock_offset_ms BIGINT,
            software_version TEXT,
            last_refusal TEXT,
            faulty_devices INTEGER NOT NULL,
            PRIMARY KEY (node_id, seen_ms)
        );
        """;

    private readonly SqliteDatabase? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    /// <summary>The embedded console database: a SQLite file.</summary>
    public ConsoleDatabase(string path)
    {
        _sqlite = new SqliteDatabase(path);
        AuditDatabase = _sqlite;
    }

    /// <summary>
    /// The console's tables in a PostgreSQL database (the hub's own); the console owns and disposes <paramref name="dataSource"/>.
    /// The audit chain stays in SQLite, in <paramref name="auditPath"/> (its append-only triggers are SQLite's).
    /// </summary>
    public ConsoleDatabase(NpgsqlDataSource dataSource, string? auditPath = null)
    {
        _postgres = dataSource;
        AuditDatabase = new SqliteDatabase(auditPath ?? Path.Combine(Path.GetTempPath(), $"onestop-audit-{Guid.NewGuid():N}.db"));
    }

    /// <summary>File name of the audit chain's SQLite database on a hub whose console is on PostgreSQL.</summary>
    public const string AuditFileName = "audit.db";

    /// <summary>Where the hash-chained audit log lives: console.db itself, or audit.db beside the hub's data on PostgreSQL.</summary>
    public SqliteDatabase AuditDatabase { get; }

    /// <summary>True when the tables are on PostgreSQL.</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>Where the hub's settings put the console: PostgreSQL with <c>Hub:Store=postgres</c>, else console.db in the data directory.</summary>
    public static ConsoleDatabase For(HubOptions options, string? fallbackConnectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Store != HubDatabases.Postgres)
        {
            return new ConsoleDatabase(Path.Combine(options.DataDirectory, FileName));
        }

        var connectionString = options.ConnectionString ?? fallbackConnectionString;
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Hub:Store is postgres but neither Hub:ConnectionString nor ConnectionStrings:Hub is set.")
            : new ConsoleDatabase(NpgsqlDataSource.Create(connectionString), Path.Combine(options.DataDirectory, AuditFileName));
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        _postgres is { } postgres ? await postgres.OpenConnectionAsync(cancellationToken) : (DbConnection)await _sqlite!.OpenAsync(cancellationToken);

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (_postgres is null)
        {
            await _sqlite!.EnsureSchemaAsync(Schema, cancellationToken);
            return;
        }

        // Two hub instances starting together would race on CREATE ... IF NOT EXISTS (it is not atomic on PostgreSQL).
        await using var connection = await _postgres.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockSpace}, 1);\n{PostgresSchema}", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
