using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using OneStop.Protocol;
using OneStop.Protocol.Enrolment;
using OneStop.Protocol.Enrolment.V1;

namespace OneStop.Edge.Enrolment;

/// <summary>What enrolment gave the node.</summary>
public sealed record EnrolmentOutcome(string NodeId, string CommuneCode, DateTimeOffset NotAfter);

/// <summary>Enrolment failed; the message is for the person at the node, Vietnamese first.</summary>
public sealed class EnrolmentFailedException : Exception
{
    public EnrolmentFailedException()
    {
    }

    public EnrolmentFailedException(string message)
        : base(message)
    {
    }

    public EnrolmentFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The node's side of enrolment and renewal. The key pair is made here and only its public half leaves the box,
/// inside a signed certificate request. Before the token is sent, the hub must prove it holds the CA the
/// token's pin names: the CA is fetched, checked against the pin, and the token goes over a channel that trusts
/// that CA alone.
/// </summary>
public sealed class NodeEnroller(NodeCredentials credentials, TimeProvider time)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public async Task<EnrolmentOutcome> EnrolAsync(Uri hub, string tokenText, string communeCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        if (!EnrolmentToken.TryParse(tokenText, out var token))
        {
            throw new EnrolmentFailedException("Mã đăng ký không đúng dạng (cần dạng XXXX….xxxx). / The enrolment token is malformed (expected SECRET.PIN).");
        }

        if (hub.Scheme != Uri.UriSchemeHttps)
        {
            throw new EnrolmentFailedException("Địa chỉ máy chủ tỉnh phải bắt đầu bằng https:// / The hub address must start with https://.");
        }

        var authority = await FetchAuthorityAsync(hub, cancellationToken);
        if (!string.Equals(NodeCertificates.Pin(authority), token.Pin, StringComparison.Ordinal))
        {
            throw new EnrolmentFailedException("Máy chủ này không phải máy chủ tỉnh đã cấp mã (sai dấu nhận dạng). Không gửi mã. / This server is not the hub that issued the token (CA pin mismatch). The token was not sent.");
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var channel = SyncChannel.Create(hub, new SyncChannelOptions { TrustedRoot = authority });
        EnrolReply reply;
        try
        {
            reply = await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).EnrolAsync(
                new EnrolRequest { Token = token.Secret, CommuneCode = communeCode, CertificateRequestDer = Google.Protobuf.ByteString.CopyFrom(Request(key)) },
                deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument)
        {
            throw new EnrolmentFailedException(ex.Status.Detail, ex);
        }
        catch (RpcException ex)
        {
            throw Unreachable(ex);
        }

        return Accept(reply, key, authority, hub);
    }

    /// <summary>
    /// Asks the hub, over <paramref name="channel"/> (which presents the current certificate), for a certificate on
    /// a new key pair; stores it on success. A failure leaves the current certificate in place.
    /// </summary>
    public async Task<EnrolmentOutcome> RenewAsync(GrpcChannel channel, Uri hub, CancellationToken cancellationToken)
    {
        var current = credentials.Load() ?? throw new EnrolmentFailedException("Máy chưa đăng ký. / This node is not enrolled.");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var reply = await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).RenewAsync(
            new RenewRequest { CertificateRequestDer = Google.Protobuf.ByteString.CopyFrom(Request(key)) },
            deadline: Deadline(), cancellationToken: cancellationToken);
        return Accept(reply, key, current.Authority, hub);
    }

    /// <summary>When the node should renew: once less than a third of its certificate's life remains.</summary>
    public static DateTimeOffset RenewalDue(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var from = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var to = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        return to - ((to - from) / 3);
    }

    private EnrolmentOutcome Accept(EnrolReply reply, ECDsa key, X509Certificate2 authority, Uri hub)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(reply.CertificateDer.ToByteArray());
        using var mine = certificate.GetECDsaPublicKey();
        if (!reply.CaCertificateDer.Span.SequenceEqual(authority.RawData)
            || mine is null || !mine.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo())
            || !NodeCertificates.ChainsTo(certificate, authority, NodeCertificates.ClientAuthOid, time.GetUtcNow())
            || NodeCertificates.ReadIdentity(certificate) is not { } identity
            || identity.NodeId != reply.NodeId || identity.CommuneCode != reply.CommuneCode)
        {
            throw new EnrolmentFailedException("Chứng thư nhận về không khớp với khóa hoặc máy chủ. / The certificate received does not match this node's key or the pinned hub.");
        }

        credentials.Save(key, certificate, authority, hub, identity.NodeId, identity.CommuneCode);
        return new EnrolmentOutcome(identity.NodeId, identity.CommuneCode, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    /// <summary>Fetches the CA over TLS without trusting the server yet: nothing secret is sent on this call.</summary>
    private async Task<X509Certificate2> FetchAuthorityAsync(Uri hub, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var channel = GrpcChannel.ForAddress(hub, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        try
        {
            var reply = await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).AuthorityAsync(new AuthorityRequest(), deadline: Deadline(), cancellationToken: cancellationToken);
            return X509CertificateLoader.LoadCertificate(reply.CaCertificateDer.ToByteArray());
        }
        catch (RpcException ex)
        {
            throw Unreachable(ex);
        }
    }

    private static byte[] Request(ECDsa key) =>
        new CertificateRequest("CN=onestop-node", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    private DateTime Deadline() => time.GetUtcNow().UtcDateTime + CallTimeout;

    private static EnrolmentFailedException Unreachable(RpcException ex) =>
        new($"Không kết nối được máy chủ tỉnh ({ex.StatusCode}). / Could not reach the hub ({ex.StatusCode}): {ex.Status.Detail}", ex);
}
