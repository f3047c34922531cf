using System.Data.Common;
using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Hub.Store;

/// <summary>
/// What the hub store needs from its engine beyond plain statements: its schema brought up to date, locks on
/// what a write will change, and log positions handed out in commit order. <see cref="HubStore"/> holds every
/// rule and statement once; <see cref="SqliteHubDatabase"/> (embedded, the default) and
/// <see cref="PostgresHubDatabase"/> (shared by several hub instances, writers in parallel) implement this.
/// </summary>
public interface IHubDatabase : IStoreDatabase
{
    /// <summary>Creates or migrates the schema; run at start, before the first node can call.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Serialises writers that touch the same keys (a node's acknowledgement, a record), taken in one order so two
    /// writers never wait on each other. Nothing to do where the engine admits one writer at a time.
    /// </summary>
    Task LockAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a transaction's log entries as its last step before commit, with positions that become visible in
    /// order: no reader can see a position while a lower one may still commit.
    /// </summary>
    Task AppendLogAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingLogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Runs a bookkeeping write that the next one rewrites (a node's last-seen), where the engine lets it skip its own flush.</summary>
    Task RunBookkeepingAsync(DbConnection connection, Func<Task> write, CancellationToken cancellationToken = default);
}

/// <summary>An entry to enter the hub log, and the digest of the entry as its origin sent it (null for the hub's own writes).</summary>
public sealed record PendingLogEntry(ChangeEntry Entry, string? Digest)
{
    /// <summary>The entry's log text already sealed (done before the writer's turn); null: the engine seals it as it appends.</summary>
    public string? Stored { get; init; }
}
