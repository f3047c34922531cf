using OneStop.Edge.Store;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Sync;

/// <summary>
/// Pipelined push: up to the hub's <c>max_pushes_in_flight</c> batches on the link at once, so neither the round
/// trip nor the hub's commit of one batch leaves the uplink idle (stop-and-wait cost 1.8 × the link's lower
/// bound on L2 and 2.7 × on L3). The cursor still advances only on the hub's acknowledgements, in seq order: a
/// batch that fails stops the pipeline, and the next round resumes from what the hub acknowledged.
/// </summary>
public sealed partial class SyncRound
{
    private async Task PushPipelinedAsync(HelloReply hello, long pushAfter, int window, CancellationToken cancellationToken)
    {
        var acked = pushAfter;
        await store.WriteCursorAsync(MetaKeys.PushAcked, acked, cancellationToken);
        var maxEntries = hello.MaxBatchEntries > 0 ? Math.Min(hello.MaxBatchEntries, options.MaxBatchEntries) : options.MaxBatchEntries;
        var sent = acked;
        var inFlight = new Queue<(Task<PushReply> Reply, int Entries, long LastSeq)>();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                while (inFlight.Count < window)
                {
                    var batch = await store.ReadChangesAfterAsync(sent, maxEntries, options.MaxBatchBytes, cancellationToken);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    var request = await BuildPushAsync(batch, hello.MaxMessageBytes, cancellationToken);
                    sent = request.Entries[^1].OriginSeq;
                    inFlight.Enqueue((client.PushAsync(request, abandon.Token), request.Entries.Count, sent));
                }

                if (inFlight.Count == 0)
                {
                    return;
                }

                var (reply, entries, lastSeq) = inFlight.Dequeue();
                var answer = await reply;

                // An earlier reply may already cover this batch: the hub answers with its ack when it replies, which
                // can include batches applied after this one's request (or a repeat the hub held before the round).
                // What must hold is that the hub holds all of this batch.
                if (answer.AckedOriginSeq < lastSeq)
                {
                    throw new InvalidOperationException($"The hub acknowledged {answer.AckedOriginSeq}, short of the batch it took, which ends at {lastSeq}.");
                }

                if (answer.AckedOriginSeq > acked)
                {
                    acked = answer.AckedOriginSeq;
                    await store.WriteCursorAsync(MetaKeys.PushAcked, acked, cancellationToken);
                }

                status.Update(s => s with { Pushed = s.Pushed + entries });
            }
        }
        finally
        {
            // A failure leaves later batches pointless (the hub would refuse them as a gap): stop them, and observe
            // their endings so none is left unobserved.
            if (inFlight.Count > 0)
            {
                await abandon.CancelAsync();
                foreach (var (reply, _, _) in inFlight)
                {
                    await ((Task)reply).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    private async Task<PushRequest> BuildPushAsync(IReadOnlyList<Core.Changes.ChangeEntry> batch, int maxMessageBytes, CancellationToken cancellationToken)
    {
        var request = new PushRequest { NodeId = edge.NodeId, Incarnation = store.Incarnation };
        request.Entries.AddRange(PushBatch.Build(batch, maxMessageBytes, out var tooLarge));
        foreach (var (entry, bytes) in tooLarge)
        {
            await quarantine.AddAsync(entry.OriginSeq, entry.RecordId, bytes, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        }

        return request;
    }
}
