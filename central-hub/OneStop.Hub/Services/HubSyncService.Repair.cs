using Grpc.Core;
using OneStop.Core.Repair;
using OneStop.Hub.Nodes;
using OneStop.Hub.Store;
using OneStop.Protocol.Mapping;
using OneStop.Protocol.V1;

namespace OneStop.Hub.Services;

/// <summary>The hub's side of the cursor check and of anti-entropy (Digest, RepairPush, RepairFetch).</summary>
public sealed partial class HubSyncService
{
    /// <summary>Bound on records per repair push or fetch, so a call stays well inside the message limit.</summary>
    public const int MaxRepairRecords = 500;

    /// <summary>
    /// A cursor that is not from this log (the hub was restored or rebuilt) gets one reply that tells the node to
    /// pull again from 0; anything else it would be sent from that cursor would skip entries for good.
    /// </summary>
    private async Task<bool> ResetForeignCursorAsync(NodeIdentity node, PullRequest request, IServerStreamWriter<PullReply> writer, ServerCallContext context)
    {
        var verdict = await store.CheckCursorAsync(node.NodeId, request.AfterCursor, request.CursorMark, context.CancellationToken);
        if (verdict == CursorVerdict.Valid)
        {
            return false;
        }

        logger.LogWarning("Cursor {Cursor} of {Node} is not from this log ({Verdict}): the node re-pulls from 0", request.AfterCursor, node.NodeId, verdict);
        await writer.WriteAsync(new PullReply { CursorReset = true, CursorMark = CursorMark.Start(store.LogEpoch) }, context.CancellationToken);
        return true;
    }

    public async Task<DigestReply> DigestAsync(DigestRequest request, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        var answers = await store.DigestAsync(node, [.. request.Ranges.Select(DigestMapper.ToDomain)], context.CancellationToken);
        var reply = new DigestReply();
        reply.Differences.AddRange(answers.Select(DigestMapper.ToWire));
        return reply;
    }

    public async Task<RepairPushReply> RepairPushAsync(RepairPushRequest request, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        if (request.Records.Count > MaxRepairRecords)
        {
            throw Refusal(StatusCode.InvalidArgument, $"at most {MaxRepairRecords} records per repair push");
        }

        var records = new List<Core.Changes.ChangeEntry>(request.Records.Count);
        foreach (var wire in request.Records)
        {
            if (!ChangeMapper.TryToDomain(wire, out var record, out var error))
            {
                throw Refusal(StatusCode.InvalidArgument, error);
            }

            records.Add(record);
        }

        try
        {
            var outcome = await store.RepairFromNodeAsync(node, records, context.CancellationToken);
            if (outcome.WritesApplied > 0 || outcome.WritesRefused > 0)
            {
                logger.LogWarning("Repair from {Node}: {Writes} writes the hub lacked in {Records} records, {Refused} refused", node.NodeId, outcome.WritesApplied, outcome.RecordsApplied, outcome.WritesRefused);
            }

            return new RepairPushReply { RecordsApplied = outcome.RecordsApplied, WritesApplied = outcome.WritesApplied, WritesRefused = outcome.WritesRefused };
        }
        catch (PushRefusedException ex)
        {
            logger.LogWarning("Refused a repair from {Node}: {Reason}", node.NodeId, ex.Message);
            throw Refusal(StatusCode.PermissionDenied, ex.Message);
        }
    }

    public async Task<RepairFetchReply> RepairFetchAsync(RepairFetchRequest request, ServerCallContext context)
    {
        var node = Authenticate(context, request.NodeId);
        if (request.RecordIds.Count > MaxRepairRecords)
        {
            throw Refusal(StatusCode.InvalidArgument, $"at most {MaxRepairRecords} records per repair fetch");
        }

        var ids = request.RecordIds.Select(DigestMapper.IdToDomain).OfType<Guid>().ToList();
        var reply = new RepairFetchReply();
        reply.Records.AddRange((await store.ReadForRepairAsync(node, ids, context.CancellationToken)).Select(ChangeMapper.ToWire));
        return reply;
    }
}
