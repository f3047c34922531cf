using Grpc.Core;
using OneStop.Core.Repair;
using OneStop.Edge.Store;
using OneStop.Protocol;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;
using OneStop.Storage;
using DigestRange = OneStop.Core.Repair.DigestRange;

namespace OneStop.Edge.Sync;

/// <summary>
/// Anti-entropy from the node's side: compares its commune's records with the hub's range by range
/// (<see cref="DigestExchange"/>), sends the records holding writes the hub lacks and merges the hub's copies
/// of those it lacks. Runs after a cursor reset (the hub was restored) and on a schedule; each step is
/// idempotent, so a cut costs only a repeat.
/// </summary>
public sealed class RepairRound(EdgeStore store, SqliteDatabase database, SyncClient client, RepairOptions options, EdgeOptions edge, SyncStatus status, TimeProvider time, ILogger logger)
{
    /// <summary>Levels of refinement at most: one per hex digit of a position, plus the whole scope.</summary>
    private const int MaxSteps = DigestRange.MaxDepth + 1;

    /// <summary>Bound on ranges per digest call, as the hub answers at most <c>HubStore.MaxDigestRanges</c>.</summary>
    private const int MaxRangesPerCall = 1024;

    /// <summary>Repairs when a cursor reset asks for it or the scheduled interval has passed.</summary>
    public async Task RunIfDueAsync(CancellationToken cancellationToken)
    {
        var state = await store.ReadRepairStateAsync(cancellationToken);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = state.Pending
            || (options.IntervalMinutes > 0 && (state.RepairAtMs is not { } last || nowMs - last >= options.IntervalMinutes * 60_000.0));
        if (!due)
        {
            return;
        }

        try
        {
            await RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Repair is a background check: a failed one is tried again at the next round (a reset stays
            // pending) and must never stop the sync agent, which keeps pushing and pulling without it.
            logger.LogWarning(ex, "Repair with the hub failed; it is tried again at the next round");
            status.Update(s => s with { LastRepairError = ex.Message });
        }
    }

    public async Task<RepairResult> RunAsync(CancellationToken cancellationToken)
    {
        RepairResult result;
        try
        {
            result = await CompareAndExchangeAsync(cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            // A hub older than repair: nothing to compare with; try again at the next interval.
            result = new RepairResult(0, 0, 0);
        }

        await store.WriteRepairDoneAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), result.Sent, result.Fetched, cancellationToken);
        status.Update(s => s with { LastRepair = time.GetUtcNow(), RepairSent = result.Sent, RepairFetched = result.Fetched, LastRepairError = null });
        return result;
    }

    private async Task<RepairResult> CompareAndExchangeAsync(CancellationToken cancellationToken)
    {
        var tree = await RecordDigestTable.ReadTreeAsync(database, edge.CommuneCode, cancellationToken);
        var ask = new List<DigestRange> { tree.Root };
        var send = new HashSet<Guid>();
        var fetch = new HashSet<Guid>();
        var steps = 0;
        for (; steps < MaxSteps && ask.Count > 0; steps++)
        {
            var next = new List<DigestRange>();
            foreach (var chunk in ask.Chunk(MaxRangesPerCall))
            {
                var request = new DigestRequest { NodeId = edge.NodeId };
                request.Ranges.AddRange(chunk.Select(DigestMapper.ToWire));
                var reply = await client.DigestAsync(request, cancellationToken);
                var step = DigestExchange.Next(tree, reply.Differences.Select(DigestMapper.ToDomain));
                next.AddRange(step.Ask);
                send.UnionWith(step.Send);
                fetch.UnionWith(step.Fetch);
            }

            ask = next;
        }

        var sent = 0;
        foreach (var batch in send.Chunk(options.BatchRecords))
        {
            var records = await store.ReadForRepairAsync(batch, cancellationToken);
            if (records.Count == 0)
            {
                continue;
            }

            var request = new RepairPushRequest { NodeId = edge.NodeId };
            request.Records.AddRange(records.Select(ChangeMapper.ToWire));
            await client.RepairPushAsync(request, cancellationToken);
            sent += records.Count;
        }

        var fetched = 0;
        foreach (var batch in fetch.Chunk(options.BatchRecords))
        {
            var request = new RepairFetchRequest { NodeId = edge.NodeId };
            request.RecordIds.AddRange(batch.Select(DigestMapper.IdToWire));
            var reply = await client.RepairFetchAsync(request, cancellationToken);
            var records = new List<Core.Changes.ChangeEntry>(reply.Records.Count);
            foreach (var wire in reply.Records)
            {
                if (!ChangeMapper.TryToDomain(wire, out var record, out var error))
                {
                    throw new RpcException(new Status(StatusCode.DataLoss, $"repair record: {error}"));
                }

                if (record.Scope == edge.CommuneCode)
                {
                    records.Add(record);
                }
            }

            await store.MergeRepairedAsync(records, cancellationToken);
            fetched += records.Count;
        }

        return new RepairResult(steps, sent, fetched);
    }
}

/// <summary>What one repair did: digest calls down the tree, records sent to the hub, records fetched from it.</summary>
public sealed record RepairResult(int Steps, int Sent, int Fetched);
