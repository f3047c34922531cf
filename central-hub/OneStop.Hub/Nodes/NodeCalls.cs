using Grpc.Core;
using OneStop.Hub.Store;

namespace OneStop.Hub.Nodes;

/// <summary>What every service on the sync listener does with a node's call: who is calling, and the refusals' codes.</summary>
public static class NodeCalls
{
    /// <summary>The caller as its credentials say; a request naming another node is PERMISSION_DENIED.</summary>
    public static NodeIdentity Authenticate(ServerCallContext context, INodeAuthenticator authenticator, string claimedNodeId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authenticator);
        // The middleware authenticated before the body was parsed; a host without it (a test) checks here.
        var node = NodeAuthentication.Authenticated(context.GetHttpContext()) ?? authenticator.Authenticate(context.GetHttpContext());
        if (!string.IsNullOrEmpty(claimedNodeId) && claimedNodeId != node.NodeId)
        {
            throw Refusal(StatusCode.PermissionDenied, $"authenticated as '{node.NodeId}' but the request names '{claimedNodeId}'");
        }

        return node;
    }

    public static RpcException Refusal(StatusCode code, string message) => new(new Status(code, message));

    /// <summary>A blob the store refused, as the status the node's uploader acts on (DATA_LOSS: send it again from 0).</summary>
    public static RpcException Refusal(BlobRefusal reason, string message) => Refusal(
        reason switch
        {
            BlobRefusal.TooLarge => StatusCode.ResourceExhausted,
            BlobRefusal.OutOfOrder => StatusCode.FailedPrecondition,
            BlobRefusal.HashMismatch => StatusCode.DataLoss,
            _ => StatusCode.InvalidArgument,
        },
        message);
}
