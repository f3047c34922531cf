using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.Enrolment.V1;

namespace OneStop.Hub.Tests.Enrolment;

/// <summary>A node as enrolment makes it: its own key, a certificate request, and calls over mutual TLS.</summary>
internal static class CertificateNode
{
    public static X509Certificate2 Authority(HubTestHost hub) => hub.Services.GetRequiredService<IssuingAuthority>().Certificate;

    public static NodeEnrolment Enrolment(HubTestHost hub) => hub.Services.GetRequiredService<NodeEnrolment>();

    /// <summary>Redeems <paramref name="secret"/> with a fresh key; the certificate comes back joined to that key.</summary>
    public static async Task<X509Certificate2> EnrolAsync(HubTestHost hub, string secret, string communeCode)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var channel = SyncChannel.Create(hub.GrpcAddress, new SyncChannelOptions { TrustedRoot = Authority(hub) });
        var reply = await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).EnrolAsync(new EnrolRequest
        {
            Token = secret,
            CommuneCode = communeCode,
            CertificateRequestDer = ByteString.CopyFrom(Request(key)),
        });
        using var issued = X509CertificateLoader.LoadCertificate(reply.CertificateDer.ToByteArray());
        return issued.CopyWithPrivateKey(key);
    }

    public static byte[] Request(ECDsa key) => new CertificateRequest("CN=whatever-the-node-says", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    /// <summary>A sync client presenting <paramref name="certificate"/> and trusting the hub's CA only; no shared key.</summary>
    public static SyncClient Client(HubTestHost hub, X509Certificate2 certificate, string nodeId, out IDisposable channel)
    {
        var grpc = SyncChannel.Create(hub.GrpcAddress, new SyncChannelOptions { ClientCertificate = certificate, TrustedRoot = Authority(hub) });
        channel = grpc;
        return new SyncClient(grpc, new SyncCallSettings { NodeId = nodeId, NodeKey = string.Empty, BaseTimeout = TimeSpan.FromSeconds(20) });
    }

    /// <summary>A CA of the attacker's own, signing a certificate that names <paramref name="nodeId"/> like the hub's would.</summary>
    public static X509Certificate2 ForeignCertificate(string nodeId, string communeCode)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=OneStop issuing CA, O=OneStop province hub", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(OneStop.Protocol.Enrolment.NodeCertificates.Subject(nodeId, communeCode), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(OneStop.Protocol.Enrolment.NodeCertificates.ClientAuthOid)], false));
        using var leaf = request.Create(ca, TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(10), [1, 2, 3, 4]);
        return leaf.CopyWithPrivateKey(key);
    }
}
