using System.Data.Common;
using Microsoft.Data.Sqlite;
using OneStop.Core.Clock;

namespace OneStop.Storage;

/// <summary>
/// The one write path of both stores: writers queued where the engine admits one at a time, a transaction,
/// the caller's load–merge–save–log inside it, the clock saved in the same transaction (so versions never go
/// backwards across a restart), commit. Where writers run in parallel a deadlock or serialisation failure
/// rolls the whole transaction back, and it runs again.
/// </summary>
/// <param name="database">The engine.</param>
/// <param name="clockKey">The meta key the clock is saved under.</param>
/// <param name="queue">The file's one queue of writers, shared with whatever else writes the file; null: a queue of its own.</param>
public sealed class StoreWriter(IStoreDatabase database, string clockKey, WriteQueue? queue = null)
{
    /// <summary>Attempts of one write where parallel writers can abort each other; past these the failure is the caller's.</summary>
    public const int MaxAttempts = 5;

    private readonly WriteQueue _gate = queue ?? new WriteQueue();

    /// <param name="body">Runs inside the transaction; it may run again on a fresh one (its side effects outside the database must bear that).</param>
    /// <param name="clock">Saved under <c>clockKey</c> after <paramref name="body"/>, before commit; null leaves the saved clock as it is.</param>
    /// <param name="cancellationToken">Cancels the write (rolled back).</param>
    /// <param name="lane">Where it waits in the queue: background writes let desk writes go first.</param>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> body, HybridLogicalClock? clock, CancellationToken cancellationToken = default, WriteLane lane = WriteLane.Desk)
    {
        ArgumentNullException.ThrowIfNull(body);
        var queued = database.SingleWriter;
        if (queued)
        {
            await _gate.EnterAsync(lane, cancellationToken);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = await database.OpenConnectionAsync(cancellationToken);
                    await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
                    var result = await body(connection, transaction);
                    if (clock is not null)
                    {
                        await MetaTable.WriteAsync(connection, transaction, clockKey, HlcText.Format(clock.Last), cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    return result;
                }
                catch (DbException exception) when (attempt < MaxAttempts && database.IsTransient(exception))
                {
                }
            }
        }
        finally
        {
            if (queued)
            {
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// Runs a write that manages its own transaction (bookkeeping such as a node's handshake) in the same queue
    /// as <see cref="WriteAsync{T}"/>. Without it such writes meet the queued ones inside SQLite, whose busy
    /// handler sleeps 1, 2, 5, 10, 15, 20, 25 ms and more between attempts: that was the tail of Hello's latency.
    /// </summary>
    public Task<T> QueuedAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default, WriteLane lane = WriteLane.Desk)
    {
        ArgumentNullException.ThrowIfNull(write);
        return database.SingleWriter ? _gate.RunAsync(lane, write, cancellationToken) : write();
    }

    /// <summary>As <see cref="QueuedAsync{T}"/>, for a write without a result.</summary>
    public Task QueuedAsync(Func<Task> write, CancellationToken cancellationToken = default, WriteLane lane = WriteLane.Desk)
    {
        ArgumentNullException.ThrowIfNull(write);
        return QueuedAsync(async () =>
        {
            await write();
            return true;
        }, cancellationToken, lane);
    }

    /// <summary>As <see cref="WriteAsync{T}"/> on SQLite, for a store whose statements take SQLite's own types.</summary>
    public Task<T> WriteSqliteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> body, HybridLogicalClock? clock, CancellationToken cancellationToken = default, WriteLane lane = WriteLane.Desk) =>
        WriteAsync((connection, transaction) => body((SqliteConnection)connection, (SqliteTransaction)transaction), clock, cancellationToken, lane);
}
