namespace OneStop.Storage;

/// <summary>Which writes a <see cref="WriteQueue"/> lets through first.</summary>
public enum WriteLane
{
    /// <summary>A person is waiting for it (a clerk's save, its audit entry): ahead of every background write still waiting.</summary>
    Desk,

    /// <summary>Sync's bookkeeping and merges: nobody watches them finish, so they wait while a desk write is queued.</summary>
    Background,
}

/// <summary>
/// The queue of writers of one SQLite file, with a lane for writes a person waits on. Everything that writes the
/// file goes through one queue: a writer outside it meets the queued ones inside SQLite, whose busy handler
/// sleeps 1, 2, 5, 10, 15, 20, 25 ms between attempts (measured as a save p99 of 53–80 ms, exactly those sums, while a
/// backlog drained at half a core). Within a lane writes run in arrival order.
/// </summary>
public sealed class WriteQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _desk = new();
    private readonly Queue<TaskCompletionSource> _background = new();
    private bool _held;

    /// <summary>Writers waiting for their turn (not the one writing).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _desk.Count + _background.Count;
            }
        }
    }

    /// <summary>Waits for this writer's turn; every completed enter must be followed by one <see cref="Release"/>.</summary>
    public Task EnterAsync(WriteLane lane, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource turn;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (lane == WriteLane.Desk ? _desk : _background).Enqueue(turn);
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(turn, cancellationToken) : turn.Task;
    }

    /// <summary>Hands the turn to the next desk writer, else the next background one, else frees the queue.</summary>
    public void Release()
    {
        lock (_lock)
        {
            while (_desk.Count > 0 || _background.Count > 0)
            {
                // A cancelled waiter's turn is already completed (cancelled): it is skipped, not handed the queue.
                var next = _desk.Count > 0 ? _desk.Dequeue() : _background.Dequeue();
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _held = false;
        }
    }

    /// <summary>Runs <paramref name="write"/> in its turn.</summary>
    public async Task<T> RunAsync<T>(WriteLane lane, Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await EnterAsync(lane, cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            Release();
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a write without a result.</summary>
    public Task RunAsync(WriteLane lane, Func<Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return RunAsync(lane, async () =>
        {
            await write();
            return true;
        }, cancellationToken);
    }

    private static async Task WaitAsync(TaskCompletionSource turn, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
        {
            await turn.Task;
        }
    }
}
