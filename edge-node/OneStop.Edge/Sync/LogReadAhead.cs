using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Sync;

/// <summary>
/// One read of the node's own log started before the push needs it: during the Hello's round trip, and while the
/// push window is full and waits for a reply. Reading and opening a batch cost the node 0.5 s at a cold start on a
/// loaded machine (bench backlog-drain, uplink idle after the Hello reply), time in which the link carried nothing.
/// A read is used only when asked for with the same cursor and bounds it was started with; anything else reads afresh,
/// so what is pushed is decided exactly as without it. Reading is all it does: nothing is written before the push.
/// </summary>
internal sealed class LogReadAhead(EdgeStore store)
{
    private Pending? _next;

    /// <summary>Off, every read is made when asked for (SyncOptions.ReadAhead).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Starts reading the entries after <paramref name="after"/> unless a read is already under way.</summary>
    public void Start(long after, int maxEntries, int maxBytes, CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _next ??= new Pending(after, maxEntries, maxBytes, store.ReadChangesAfterAsync(after, maxEntries, maxBytes, cancellationToken));
        }
    }

    /// <summary>The entries after <paramref name="after"/>: the read started ahead when it matches, otherwise a new one.</summary>
    public Task<IReadOnlyList<ChangeEntry>> ReadAsync(long after, int maxEntries, int maxBytes, CancellationToken cancellationToken)
    {
        var next = _next;
        _next = null;
        if (next is not null && next.After == after && next.MaxEntries == maxEntries && next.MaxBytes == maxBytes)
        {
            return next.Read;
        }

        Forget(next);
        return store.ReadChangesAfterAsync(after, maxEntries, maxBytes, cancellationToken);
    }

    /// <summary>Waits for a read nobody took, so none outlives the round.</summary>
    public async Task AbandonAsync()
    {
        var next = _next;
        _next = null;
        if (next is not null)
        {
            await ((Task)next.Read).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static void Forget(Pending? stale) =>
        // A read that no longer matches is not needed; its failure (a cancelled round) is observed here, not rethrown.
        stale?.Read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private sealed record Pending(long After, int MaxEntries, int MaxBytes, Task<IReadOnlyList<ChangeEntry>> Read);
}
