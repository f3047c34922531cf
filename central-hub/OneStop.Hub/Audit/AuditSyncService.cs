using Grpc.Core;
using OneStop.Hub.Nodes;
using OneStop.Protocol.Audit;
using OneStop.Protocol.Audit.V1;

namespace OneStop.Hub.Audit;

/// <summary>
/// Receives a node's audit entries on the sync listener. The node is the one its certificate names (the
/// middleware authenticated it before the body was read); its chain is checked link by link on arrival.
/// </summary>
public sealed class AuditSyncService(HubAuditStore audit, INodeAuthenticator authenticator, ILogger<AuditSyncService> logger) : AuditSync.AuditSyncBase
{
    /// <summary>Entries one push may carry; the node sends in batches of this size or fewer.</summary>
    public const int MaxEntriesPerPush = 500;

    public override async Task<AuditPushReply> Push(AuditPushRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var node = NodeCalls.Authenticate(context, authenticator, string.Empty);
        if (string.IsNullOrWhiteSpace(request.ChainId) || request.ChainId.Length > 64 || request.Entries.Count > MaxEntriesPerPush)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a chain id of up to 64 characters and at most {MaxEntriesPerPush} entries"));
        }

        var receipt = await audit.ReceiveAsync(node.NodeId, request.ChainId, [.. request.Entries.Select(AuditMapping.FromProto)], context.CancellationToken);
        if (receipt.Break is { } broken)
        {
            logger.LogWarning("Audit chain {Chain} of node {Node} is broken at sequence {Sequence}: {Reason}.", request.ChainId, node.NodeId, broken.Sequence, broken.Reason);
        }

        return new AuditPushReply
        {
            HeldSequence = receipt.HeldSequence,
            BrokenSequence = receipt.Break?.Sequence ?? 0,
            BrokenReason = receipt.Break?.Reason.ToString() ?? string.Empty,
        };
    }
}
