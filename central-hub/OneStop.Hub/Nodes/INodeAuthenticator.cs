namespace OneStop.Hub.Nodes;

/// <summary>
/// Tells which node is calling. Today: a configured shared key per node; after enrolment: the
/// client certificate of the mutual-TLS connection. Callers only see <see cref="NodeIdentity"/>.
/// </summary>
public interface INodeAuthenticator
{
    /// <summary>The calling node; throws an RpcException with UNAUTHENTICATED when it cannot be told.</summary>
    NodeIdentity Authenticate(HttpContext context);
}
