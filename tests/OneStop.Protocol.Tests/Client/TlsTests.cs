using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Client;

public sealed class TlsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AllShapes_OverTlsWithTrustedRoot_Succeed()
    {
        using var certificate = SelfSigned();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        using var root = X509CertificateLoader.LoadCertificate(certificate.RawData);
        using var channel = server.CreateChannel(new SyncChannelOptions { TrustedRoot = root });
        var client = Clients.For(channel);
        var (sha, _, chunks) = Samples.Blob(size: 100_000, chunkSize: 30_000);

        var hello = await client.HelloAsync(Samples.Hello());
        var pulled = await client.PullAsync(new PullRequest { MaxEntries = 2 }).ToListAsync();
        var uploaded = await client.UploadAttachmentAsync(Sources.Of(chunks), Clients.UploadBytes);

        Assert.Equal("https", server.Address.Scheme);
        Assert.Equal(TestSyncService.HubId, hello.HubId);
        Assert.Equal(2, pulled.Count);
        Assert.Equal(sha, uploaded.Sha256);
    }

    [Fact]
    public async Task Unary_UntrustedCertificate_Internal()
    {
        using var certificate = SelfSigned();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        using var channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => Clients.For(channel).HelloAsync(Samples.Hello()).WaitAsync(Patience));

        // Grpc.Net.Client reports a failed TLS handshake as INTERNAL (the hand-built client said UNAVAILABLE).
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("SSL", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientStreaming_UntrustedCertificate_InternalWithoutHanging()
    {
        using var certificate = SelfSigned();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        using var channel = server.CreateChannel();
        var chunks = Samples.Blob(size: 100, chunkSize: 100).Chunks;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Clients.For(channel).UploadAttachmentAsync(Sources.ThenNever(chunks), Clients.UploadBytes).WaitAsync(Patience));

        // Grpc.Net.Client reports a failed TLS handshake as INTERNAL (the hand-built client said UNAVAILABLE).
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("SSL", ex.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>A self-signed server certificate for localhost, created fresh so no key material is committed.</summary>
    internal static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var notBefore = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        using var created = request.CreateSelfSigned(notBefore, notBefore.AddDays(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
