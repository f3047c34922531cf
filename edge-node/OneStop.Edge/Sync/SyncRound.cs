using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Protocol;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Edge.Sync;

/// <summary>
/// One sync round: handshake, push every unacknowledged change in bounded batches, then pull what
/// the hub has for this node. Each step resumes from a cursor the other side acknowledged, so a cut
/// at any byte costs at most the batch in flight and never duplicates anything.
/// </summary>
public sealed class SyncRound(EdgeStore store, SyncClient client, SyncOptions options, EdgeOptions edge, SyncStatus status, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hello = await client.HelloAsync(
            new HelloRequest
            {
                NodeId = edge.NodeId,
                CommuneCode = edge.CommuneCode,
                NodeWallMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                SoftwareVersion = typeof(SyncRound).Assembly.GetName().Version?.ToString() ?? "0",
            },
            CallOptions(),
            cancellationToken);
        status.Update(s => s with { ClockOffsetMs = hello.ClockOffsetMs });

        await PushAsync(hello, cancellationToken);
        await PullAsync(cancellationToken);
    }

    private async Task PushAsync(HelloReply hello, CancellationToken cancellationToken)
    {
        // The hub's acknowledgement is the truth: a local cursor may lag after a crash between the
        // hub's commit and our write of its ack.
        var acked = hello.AckedOriginSeq;
        await store.WriteCursorAsync(MetaKeys.PushAcked, acked, cancellationToken);
        var maxEntries = hello.MaxBatchEntries > 0 ? Math.Min(hello.MaxBatchEntries, options.MaxBatchEntries) : options.MaxBatchEntries;
        while (true)
        {
            var batch = await store.ReadChangesAfterAsync(acked, maxEntries, options.MaxBatchBytes, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var request = new PushRequest { NodeId = edge.NodeId };
            request.Entries.AddRange(batch.Select(ChangeMapper.ToWire));
            var reply = await client.PushAsync(request, CallOptions(), cancellationToken);
            if (reply.AckedOriginSeq <= acked)
            {
                throw new InvalidOperationException($"The hub did not advance its acknowledgement past {acked}.");
            }

            acked = reply.AckedOriginSeq;
            await store.WriteCursorAsync(MetaKeys.PushAcked, acked, cancellationToken);
            status.Update(s => s with { Pushed = s.Pushed + batch.Count });
        }
    }

    private async Task PullAsync(CancellationToken cancellationToken)
    {
        var cursor = await store.ReadCursorAsync(MetaKeys.PullCursor, cancellationToken);
        var request = new PullRequest { NodeId = edge.NodeId, AfterCursor = cursor, MaxEntries = options.MaxBatchEntries };
        await foreach (var reply in client.PullAsync(request, CallOptions(), cancellationToken))
        {
            var entries = new List<HubLogEntry>(reply.Entries.Count);
            foreach (var wire in reply.Entries)
            {
                if (!ChangeMapper.TryToDomain(wire.Change, out var change, out var error))
                {
                    throw new GrpcException(GrpcStatusCode.DataLoss, $"hub entry {wire.HubSeq}: {error}");
                }

                entries.Add(new HubLogEntry(wire.HubSeq, change));
            }

            await store.ApplyPulledAsync(entries, reply.Cursor, cancellationToken);
            status.Update(s => s with { Pulled = s.Pulled + entries.Count });
        }
    }

    private GrpcCallOptions CallOptions()
    {
        var call = new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(options.CallTimeoutSeconds) };
        call.Headers[NodeHeaders.NodeId] = edge.NodeId;
        call.Headers[NodeHeaders.Authorization] = "Bearer " + options.NodeKey;
        return call;
    }
}
