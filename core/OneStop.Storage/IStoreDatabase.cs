using System.Data.Common;

namespace OneStop.Storage;

/// <summary>
/// The engine a store runs on, as the shared tables and the write path need it: open a connection, start a
/// write or a snapshot read. SQLite (one writer at a time) and PostgreSQL (many) both implement it, so the
/// statements over records, conflicts and meta rows are written once.
/// </summary>
public interface IStoreDatabase
{
    /// <summary>True when the engine admits one writer at a time; false when writers run in parallel and the store must lock what it reads to change.</summary>
    bool SingleWriter { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>A transaction that will write: on SQLite it takes the write lock at once.</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>A read-only transaction whose statements all see one snapshot.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Whether a failed write may simply be run again (a deadlock or serialisation failure between parallel writers).</summary>
    bool IsTransient(DbException exception);
}
