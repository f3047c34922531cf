namespace OneStop.Hub.Store;

/// <summary>
/// Puts a node's pipelined push batches back in seq order. Batches in flight together travel as concurrent
/// HTTP/2 streams, so the hub may start a batch before the one ahead of it is applied; without a wait that
/// batch is refused as a gap and the node falls back to one batch at a time. A batch waits until the hub has
/// applied everything before its first seq, the batch ahead failed, or its patience ran out (then the store's
/// own gap check answers, as before). Only a wait: what is applied, and exactly once, is still decided by the
/// store inside its transaction.
/// </summary>
internal sealed class PushTurns(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Node, string Incarnation), Line> _lines = [];

    public async Task WaitAsync(string node, string incarnation, long firstSeq, Func<Task<long>> readApplied, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long failures;
        lock (_lock)
        {
            failures = Get(node, incarnation).Failures;
        }

        while (true)
        {
            Task advanced;
            long applied;
            lock (_lock)
            {
                var line = Get(node, incarnation);
                if (line.Failures != failures)
                {
                    return;
                }

                advanced = line.Advanced.Task;
                applied = line.Applied;
            }

            if (applied < 0)
            {
                Applied(node, incarnation, await readApplied());
                continue;
            }

            var left = patience - time.GetElapsedTime(started);
            if (firstSeq <= applied + 1 || left <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await advanced.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    /// <summary>The hub committed the node's entries up to <paramref name="acked"/>.</summary>
    public void Applied(string node, string incarnation, long acked) => Signal(node, incarnation, line => line.Applied = Math.Max(line.Applied, acked));

    /// <summary>A batch of the node was refused or failed: those waiting behind it stop waiting.</summary>
    public void Failed(string node, string incarnation) => Signal(node, incarnation, line => line.Failures++);

    private void Signal(string node, string incarnation, Action<Line> change)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            var line = Get(node, incarnation);
            change(line);
            done = line.Advanced;
            line.Advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    private Line Get(string node, string incarnation)
    {
        if (!_lines.TryGetValue((node, incarnation), out var line))
        {
            line = new Line();
            _lines[(node, incarnation)] = line;
        }

        return line;
    }

    private sealed class Line
    {
        public long Applied { get; set; } = -1;

        public long Failures { get; set; }

        public TaskCompletionSource Advanced { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
