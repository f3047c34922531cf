using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using OneStop.Core.Changes;
using OneStop.Hub.Tests.Enrolment;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.Protocol;
using OneStop.Protocol.AttachmentsDown;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests.Attachments;

/// <summary>
/// AttachmentsDown.Fetch on the real hub over loopback: nodes present enrolled certificates (mutual TLS, as in the
/// field), read only their own commune's attachments, and get pieces within the limit from any offset.
/// </summary>
public sealed class AttachmentsDownTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() =>
        _hub = await StartAsync(new Dictionary<string, string?> { ["NodeSecurity:DevelopmentSharedKeys"] = "false" });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Fetch_NodeOfAnotherCommuneOverMutualTls_PermissionDeniedAndNoPiece_OwnCommuneGetsTheBytes()
    {
        var content = Scan(90_000);
        var id = await StoreAttachmentAsync(CommuneA, content);
        using var nodeA = await EnrolledAsync("node-cert-a", CommuneA);
        using var nodeB = await EnrolledAsync("node-cert-b", CommuneB);

        var (refusedPieces, refusal) = await FetchAllAsync(nodeB.Client, id, 0);
        var (pieces, error) = await FetchAllAsync(nodeA.Client, id, 0);

        Assert.Equal(StatusCode.PermissionDenied, refusal?.StatusCode);
        Assert.Empty(refusedPieces);
        Assert.Null(error);
        Assert.Equal(content, pieces.SelectMany(p => p.Data.ToByteArray()).ToArray());
    }

    [Fact]
    public async Task Fetch_WithoutClientCertificate_UnauthenticatedAndNoPiece()
    {
        var id = await StoreAttachmentAsync(CommuneA, Scan(1_000));
        using var channel = SyncChannel.Create(_hub.GrpcAddress, new SyncChannelOptions { TrustedRoot = CertificateNode.Authority(_hub) });
        var client = new AttachmentFetchClient(channel, new SyncCallSettings { NodeId = "node-cert-a", BaseTimeout = TimeSpan.FromSeconds(20) });

        var (pieces, refusal) = await FetchAllAsync(client, id, 0);

        Assert.Equal(StatusCode.Unauthenticated, refusal?.StatusCode);
        Assert.Empty(pieces);
    }

    [Fact]
    public async Task Fetch_FromAnOffsetAskingForHugePieces_PiecesAtMost64KiBAndExactlyTheTail()
    {
        var content = Scan(300_000);
        var id = await StoreAttachmentAsync(CommuneA, content);
        using var node = await EnrolledAsync("node-cert-a", CommuneA);
        var request = new FetchRequest { NodeId = "node-cert-a", AttachmentId = id.ToString(), Offset = 100_001, MaxPieceBytes = 4_000_000 };

        var pieces = new List<FetchPiece>();
        using (var call = new AttachmentsDown.AttachmentsDownClient(node.Channel).Fetch(request))
        {
            await foreach (var piece in call.ResponseStream.ReadAllAsync())
            {
                pieces.Add(piece);
            }
        }

        Assert.All(pieces, p => Assert.InRange(p.Data.Length, 1, AttachmentFetchClient.MaxPieceBytes));
        Assert.Equal(100_001, pieces[0].Offset);
        Assert.Equal(content[100_001..], pieces.SelectMany(p => p.Data.ToByteArray()).ToArray());
        Assert.All(pieces, p => Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(content)), 300_000L), (p.Sha256, p.TotalSize)));
    }

    [Fact]
    public async Task Fetch_UnknownIdOrContentNotCompleteAtHub_NotFoundAndFailedPrecondition()
    {
        var content = Scan(100_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await _hub.Attachments.AppendAsync(sha, content.Length, 0, content.AsMemory(0, 65_536), "image/jpeg");
        var partial = await WriteRecordAsync(CommuneA, sha, content.Length);
        using var node = await EnrolledAsync("node-cert-a", CommuneA);

        var (_, unknown) = await FetchAllAsync(node.Client, Guid.CreateVersion7(), 0);
        var (pieces, incomplete) = await FetchAllAsync(node.Client, partial, 0);

        Assert.Equal(StatusCode.NotFound, unknown?.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, incomplete?.StatusCode);
        Assert.Empty(pieces);
    }

    private static byte[] Scan(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Stores content and its record as the public site files them: whole file in one chunk, record written as the hub.</summary>
    private async Task<Guid> StoreAttachmentAsync(string commune, byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await _hub.Attachments.AppendAsync(sha, content.Length, 0, content, "image/jpeg");
        return await WriteRecordAsync(commune, sha, content.Length);
    }

    private async Task<Guid> WriteRecordAsync(string commune, string sha, long size)
    {
        var id = Guid.CreateVersion7();
        await _hub.Store.WriteAsHubAsync(id, RecordTypes.Attachment, commune, new Dictionary<string, string?>
        {
            ["dossier_id"] = JsonSerializer.Serialize(Guid.CreateVersion7()),
            ["file_name"] = JsonSerializer.Serialize("ho-khau.jpg"),
            ["content_type"] = JsonSerializer.Serialize("image/jpeg"),
            ["size"] = size.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = JsonSerializer.Serialize(sha),
        });
        return id;
    }

    private static async Task<(List<FetchPiece> Pieces, RpcException? Refusal)> FetchAllAsync(AttachmentFetchClient client, Guid id, long offset)
    {
        var pieces = new List<FetchPiece>();
        try
        {
            await foreach (var piece in client.FetchAsync(id, offset))
            {
                pieces.Add(piece);
            }

            return (pieces, null);
        }
        catch (RpcException ex)
        {
            return (pieces, ex);
        }
    }

    private async Task<EnrolledNode> EnrolledAsync(string nodeId, string commune)
    {
        var token = (await CertificateNode.Enrolment(_hub).CreateTokenAsync(nodeId, commune, null, "admin", CancellationToken.None)).Token;
        var certificate = await CertificateNode.EnrolAsync(_hub, token.Split('.')[0], commune);
        var channel = SyncChannel.Create(_hub.GrpcAddress, new SyncChannelOptions { ClientCertificate = certificate, TrustedRoot = CertificateNode.Authority(_hub) });
        return new EnrolledNode(channel, new AttachmentFetchClient(channel, new SyncCallSettings { NodeId = nodeId, BaseTimeout = TimeSpan.FromSeconds(20) }), certificate);
    }

    private sealed record EnrolledNode(Grpc.Net.Client.GrpcChannel Channel, AttachmentFetchClient Client, System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate) : IDisposable
    {
        public void Dispose()
        {
            Channel.Dispose();
            Certificate.Dispose();
        }
    }
}
