using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OneStop.Protocol;

namespace OneStop.Hub.Nodes;

/// <summary>Checks the node id and bearer key against the configured registrations, in constant time.</summary>
public sealed class SharedKeyAuthenticator(IOptions<HubOptions> options) : INodeAuthenticator
{
    public NodeIdentity Authenticate(HttpContext context)
    {
        var nodeId = context.Request.Headers[NodeHeaders.NodeId].ToString();
        var authorization = context.Request.Headers[NodeHeaders.Authorization].ToString();
        const string Scheme = "Bearer ";
        var registration = options.Value.Nodes.FirstOrDefault(n => n.Id == nodeId);
        if (registration is null || !authorization.StartsWith(Scheme, StringComparison.Ordinal)
            || !CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..])),
                SHA256.HashData(Encoding.UTF8.GetBytes(registration.Key))))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "unknown node or wrong key"));
        }

        return new NodeIdentity(registration.Id, registration.CommuneCode);
    }
}
