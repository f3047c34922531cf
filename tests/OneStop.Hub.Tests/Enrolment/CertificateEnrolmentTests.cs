using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Changes;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.Enrolment;
using OneStop.Protocol.Enrolment.V1;
using OneStop.Protocol.V1;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Enrolment;

/// <summary>
/// The hub without the development switch: enrolment with one-time tokens, then mutual TLS on real Kestrel over
/// loopback with real certificates. Each refusal leaves the store as it was.
/// </summary>
public sealed class CertificateEnrolmentTests : IAsyncLifetime
{
    private const string Node = "node-cert-01";
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() =>
        _hub = await StartAsync(new Dictionary<string, string?> { ["NodeSecurity:DevelopmentSharedKeys"] = "false" });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Enrol_FreshToken_CertificateNamesNodeAndCommuneAndItsPushIsStored()
    {
        var token = await NewTokenAsync(Node, CommuneA);

        using var certificate = await CertificateNode.EnrolAsync(_hub, Secret(token), CommuneA);
        var sync = CertificateNode.Client(_hub, certificate, Node, out var channel);
        using var _ = channel;
        var reply = await sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 1, CommuneA, "Vàng Thị Dua")));

        Assert.Equal((Node, CommuneA), NodeCertificates.ReadIdentity(certificate));
        Assert.True(NodeCertificates.ChainsTo(certificate, CertificateNode.Authority(_hub), NodeCertificates.ClientAuthOid, TimeProvider.System.GetUtcNow()));
        Assert.Equal(1, reply.AckedOriginSeq);
        Assert.Equal(1, await _hub.Store.CountAsync(RecordTypes.Dossier));
    }

    [Fact]
    public async Task Enrol_StolenTokenReplayed_SecondRefusedAndNothingIssued()
    {
        var token = await NewTokenAsync(Node, CommuneA);
        using var first = await CertificateNode.EnrolAsync(_hub, Secret(token), CommuneA);

        var error = await Assert.ThrowsAsync<RpcException>(() => CertificateNode.EnrolAsync(_hub, Secret(token), CommuneA));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("đã được dùng", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("already been used", error.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await CertificateNode.Enrolment(_hub).Store.ListCertificatesAsync(Node, CancellationToken.None));
    }

    [Fact]
    public async Task Enrol_ExpiredToken_RefusedAndNothingIssued()
    {
        var secret = EnrolmentToken.Create(CertificateNode.Enrolment(_hub).Authority.Pin).Secret;
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await CertificateNode.Enrolment(_hub).Store.AddTokenAsync(
            EnrolmentToken.Hash(secret), Node, CommuneA, now - 7_200_000, now - 3_600_000, "test", CancellationToken.None);

        var error = await Assert.ThrowsAsync<RpcException>(() => CertificateNode.EnrolAsync(_hub, secret, CommuneA));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("hết hạn", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await CertificateNode.Enrolment(_hub).Store.ListCertificatesAsync(Node, CancellationToken.None));
    }

    [Fact]
    public async Task Enrol_TokenForAnotherCommune_RefusedAndTokenStillUsable()
    {
        var token = await NewTokenAsync(Node, CommuneA);

        var error = await Assert.ThrowsAsync<RpcException>(() => CertificateNode.EnrolAsync(_hub, Secret(token), CommuneB));
        using var right = await CertificateNode.EnrolAsync(_hub, Secret(token), CommuneA);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains(CommuneB, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((Node, CommuneA), NodeCertificates.ReadIdentity(right));
    }

    [Fact]
    public async Task Push_CertificateFromAnotherCa_UnauthenticatedAndNothingStored()
    {
        using var forged = CertificateNode.ForeignCertificate(Node, CommuneA);
        var sync = CertificateNode.Client(_hub, forged, Node, out var channel);
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(() => sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 1, CommuneA, "Kẻ Mạo Danh"))));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("not issued by this hub", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _hub.Store.CountAsync(RecordTypes.Dossier));
    }

    [Fact]
    public async Task Push_ExpiredCertificate_UnauthenticatedAndNothingStored()
    {
        var enrolment = CertificateNode.Enrolment(_hub);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-10);
        using var issued = enrolment.Authority.IssueNodeCertificate(
            IssuingAuthority.VerifiedRequestKey(CertificateNode.Request(key))!, Node, CommuneA, longAgo, TimeSpan.FromDays(1), TimeSpan.Zero);
        // Recorded as issued and never revoked: its end date is the only reason left to refuse it.
        await enrolment.Store.AddCertificateAsync(new NodeCertificateRow(
            IssuingAuthority.SerialOf(issued), Node, CommuneA, longAgo.ToUnixTimeMilliseconds(), longAgo.AddDays(1).ToUnixTimeMilliseconds(), null),
            longAgo.ToUnixTimeMilliseconds(), CancellationToken.None);
        using var expired = issued.CopyWithPrivateKey(key);
        var sync = CertificateNode.Client(_hub, expired, Node, out var channel);
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(() => sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 1, CommuneA, "Hết Hạn"))));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _hub.Store.CountAsync(RecordTypes.Dossier));
    }

    [Fact]
    public async Task Push_RevokedNode_UnauthenticatedAndStoreUnchanged()
    {
        using var certificate = await CertificateNode.EnrolAsync(_hub, Secret(await NewTokenAsync(Node, CommuneA)), CommuneA);
        var sync = CertificateNode.Client(_hub, certificate, Node, out var channel);
        using var _ = channel;
        await sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 1, CommuneA, "Trước Thu Hồi")));
        var dossiers = await _hub.Store.CountAsync(RecordTypes.Dossier);
        var acked = await _hub.Store.ReadAckedAsync(Node);
        var head = await _hub.Store.ReadLogHeadAsync();

        var revoked = await CertificateNode.Enrolment(_hub).RevokeAsync(Node, "admin", CancellationToken.None);
        // The same TLS connection as the accepted push: revocation is checked per call, not per handshake.
        var error = await Assert.ThrowsAsync<RpcException>(() => sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 2, CommuneA, "Sau Thu Hồi"))));

        Assert.Equal(1, revoked);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("revoked", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(dossiers, await _hub.Store.CountAsync(RecordTypes.Dossier));
        Assert.Equal(acked, await _hub.Store.ReadAckedAsync(Node));
        Assert.Equal(head, await _hub.Store.ReadLogHeadAsync());
        var audit = await _hub.Services.GetRequiredService<ConsoleAuditLog>().ListAsync(50, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "enrolment.revoke" && e.Target == Node && e.Actor == "admin");
    }

    [Fact]
    public async Task Renew_WithCurrentCertificate_NewKeyNewSerialSameIdentityAndItSyncs()
    {
        using var old = await CertificateNode.EnrolAsync(_hub, Secret(await NewTokenAsync(Node, CommuneA)), CommuneA);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (var channel = SyncChannel.Create(_hub.GrpcAddress, new SyncChannelOptions { ClientCertificate = old, TrustedRoot = CertificateNode.Authority(_hub) }))
        {
            var reply = await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).RenewAsync(
                new RenewRequest { CertificateRequestDer = ByteString.CopyFrom(CertificateNode.Request(key)) });
            using var issued = X509CertificateLoader.LoadCertificate(reply.CertificateDer.ToByteArray());
            using var renewed = issued.CopyWithPrivateKey(key);
            var sync = CertificateNode.Client(_hub, renewed, Node, out var syncChannel);
            using var _ = syncChannel;

            var push = await sync.PushAsync(Changes.Push(Node, Changes.Dossier(Node, 1, CommuneA, "Gia Hạn")));

            Assert.NotEqual(old.SerialNumber, renewed.SerialNumber);
            Assert.Equal((Node, CommuneA), NodeCertificates.ReadIdentity(renewed));
            Assert.Equal(1, push.AckedOriginSeq);
        }

        Assert.Equal(2, (await CertificateNode.Enrolment(_hub).Store.ListCertificatesAsync(Node, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Renew_WithoutCertificate_UnauthenticatedAndNothingIssued()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var channel = SyncChannel.Create(_hub.GrpcAddress, new SyncChannelOptions { TrustedRoot = CertificateNode.Authority(_hub) });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new Protocol.Enrolment.V1.Enrolment.EnrolmentClient(channel).RenewAsync(
            new RenewRequest { CertificateRequestDer = ByteString.CopyFrom(CertificateNode.Request(key)) }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Empty(await CertificateNode.Enrolment(_hub).Store.ListCertificatesAsync(Node, CancellationToken.None));
    }

    [Fact]
    public async Task Push_SharedKeyWithoutCertificate_UnauthenticatedOutsideDevelopment()
    {
        using var channel = SyncChannel.Create(_hub.GrpcAddress, new SyncChannelOptions { TrustedRoot = CertificateNode.Authority(_hub) });
        var sync = new SyncClient(channel, new SyncCallSettings { NodeId = NodeA, NodeKey = KeyA, BaseTimeout = TimeSpan.FromSeconds(20) });

        var error = await Assert.ThrowsAsync<RpcException>(() => sync.HelloAsync(new HelloRequest { NodeId = NodeA }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Authority_FirstStart_KeyFileOwnerOnlyAndTokensStoredHashed()
    {
        var token = await NewTokenAsync(Node, CommuneA);
        var folder = Path.Combine(_hub.DataDirectory, IssuingAuthority.Folder);

        var database = await File.ReadAllBytesAsync(Path.Combine(_hub.DataDirectory, EnrolmentStore.FileName));

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "issuing-ca.key")));
        }

        Assert.Equal(-1, System.Text.Encoding.ASCII.GetString(database).IndexOf(Secret(token), StringComparison.Ordinal));
        Assert.Equal(NodeCertificates.Pin(CertificateNode.Authority(_hub)), token.Split('.')[1]);
    }

    private async Task<string> NewTokenAsync(string nodeId, string communeCode) =>
        (await CertificateNode.Enrolment(_hub).CreateTokenAsync(nodeId, communeCode, null, "admin", CancellationToken.None)).Token;

    private static string Secret(string token) => token.Split('.')[0];
}
