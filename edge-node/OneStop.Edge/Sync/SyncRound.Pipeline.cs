using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Sync;

/// <summary>
/// Pipelined push: up to the hub's <c>max_pushes_in_flight</c> batches on the link at once, so neither the round
/// trip nor the hub's commit of one batch leaves the uplink idle (stop-and-wait cost 1.8 × the link's lower
/// bound on L2 and 2.7 × on L3), batches sized and windowed to the measured link (<see cref="PushPacing"/>).
/// The cursor still advances only on the hub's acknowledgements, in seq order: a batch that fails stops the
/// pipeline, and the next round resumes from what the hub acknowledged.
/// </summary>
public sealed partial class SyncRound
{
    private readonly LinkMeter _link = new(time);

    /// <summary>What the node measured of its link (round trip, push goodput).</summary>
    public LinkEstimate Link => _link.Current;

    // pushAfter comes from IncarnationPolicy.AfterHello: the lower of the hub's and our own acknowledgement, so
    // entries the hub acknowledged without our hearing it are compared by digest, not assumed to be ours.
    // A window of 1 (a hub that offers no pipeline, or Sync:MaxPushesInFlight 1) is stop-and-wait through the same
    // code, so both are held to one acknowledgement rule (PushPacing.Acknowledges).
    private async Task PushAsync(HelloReply hello, long pushAfter, CancellationToken cancellationToken)
    {
        var acked = pushAfter;
        await store.WriteCursorAsync(MetaKeys.PushAcked, acked, cancellationToken);
        var maxEntries = hello.MaxBatchEntries > 0 ? Math.Min(hello.MaxBatchEntries, options.MaxBatchEntries) : options.MaxBatchEntries;
        var maxWindow = Math.Max(1, Math.Min(hello.MaxPushesInFlight, options.MaxPushesInFlight));
        var sent = acked;
        var inFlight = new Queue<(Task<PushReply> Reply, int Entries, long LastSeq, int Bytes, (long, long) Mark)>();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _link.StartPush();
        try
        {
            while (true)
            {
                var plan = options.AdaptToLink ? PushPacing.Plan(_link.Current, options.MaxBatchBytes, maxWindow) : new PushPlan(options.MaxBatchBytes, maxWindow);
                while (inFlight.Count < plan.Window)
                {
                    var batch = await store.ReadChangesAfterAsync(sent, maxEntries, plan.BatchBytes, cancellationToken);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    var request = await BuildPushAsync(batch, hello.MaxMessageBytes, cancellationToken);
                    sent = request.Entries[^1].OriginSeq;
                    inFlight.Enqueue((client.PushAsync(request, abandon.Token), request.Entries.Count, sent, request.CalculateSize(), _link.Sent()));
                }

                if (inFlight.Count == 0)
                {
                    return;
                }

                var (reply, entries, lastSeq, bytes, mark) = inFlight.Dequeue();
                var answer = await reply;
                if (!PushPacing.Acknowledges(answer.AckedOriginSeq, lastSeq))
                {
                    throw new InvalidOperationException($"The hub acknowledged {answer.AckedOriginSeq}, short of the batch it took, which ends at {lastSeq}.");
                }

                _link.Acknowledged(bytes, mark);
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
            _link.EndPush();

            // A failure leaves later batches pointless (the hub would refuse them as a gap): stop them, and observe
            // their endings so none is left unobserved.
            if (inFlight.Count > 0)
            {
                await abandon.CancelAsync();
                foreach (var (reply, _, _, _, _) in inFlight)
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
