using Grpc.Core;
using OneStop.Hub.Nodes;
using OneStop.Protocol.Enrolment;

namespace OneStop.Hub.Enrolment;

/// <summary>
/// Tells the calling node from the client certificate of its TLS connection: it must chain to the hub's issuing
/// CA alone, be within its dates by the hub's clock, and carry a serial the CA recorded and nobody revoked. Node
/// id and commune come from the certificate; headers are not read.
/// </summary>
public sealed class CertificateAuthenticator(IssuingAuthority authority, EnrolmentStore store, TimeProvider time) : INodeAuthenticator
{
    public NodeIdentity Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var certificate = context.Connection.ClientCertificate
            ?? throw Refuse("no client certificate: enrol this node first");
        var now = time.GetUtcNow();
        if (certificate.NotAfter.ToUniversalTime() <= now.UtcDateTime || certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            throw Refuse("client certificate expired or not yet valid");
        }

        if (!NodeCertificates.ChainsTo(certificate, authority.Certificate, NodeCertificates.ClientAuthOid, now))
        {
            throw Refuse("client certificate not issued by this hub");
        }

        if (!store.IsValidSerial(IssuingAuthority.SerialOf(certificate)))
        {
            throw Refuse("client certificate revoked");
        }

        var (nodeId, commune) = NodeCertificates.ReadIdentity(certificate) ?? throw Refuse("client certificate names no node");
        return new NodeIdentity(nodeId, commune);
    }

    private static RpcException Refuse(string detail) => new(new Status(StatusCode.Unauthenticated, detail));
}
