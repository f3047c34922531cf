using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using OneStop.Protocol.Tests.Client;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Interop;

/// <summary>Our transport against @grpc/grpc-js, an independent implementation, in both directions.</summary>
public sealed class InteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [InteropFact]
    public async Task GrpcJsClient_AgainstOurServer_AllShapesGzipAndStatuses()
    {
        InteropFactAttribute.RequirePeer();
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true });

        var summary = await RunClientAsync($"127.0.0.1:{server.Port}");

        AssertClientSummary(summary);
    }

    [InteropFact]
    public async Task GrpcJsClient_AgainstOurServerOverTls_AllShapes()
    {
        InteropFactAttribute.RequirePeer();
        using var certificate = TlsTests.SelfSigned();
        await using var server = await GrpcTestServer.StartAsync(new GrpcServerOptions { CompressResponses = true }, certificate);
        var caPath = Path.Combine(Path.GetTempPath(), $"onestop-interop-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caPath, certificate.ExportCertificatePem());
        try
        {
            var summary = await RunClientAsync($"localhost:{server.Port}", "--ca", caPath);

            Assert.True(summary.GetProperty("tls").GetBoolean());
            AssertClientSummary(summary);
        }
        finally
        {
            File.Delete(caPath);
        }
    }

    [InteropFact]
    public async Task OurClient_AgainstGrpcJsServer_AllShapesGzipAndStatuses()
    {
        InteropFactAttribute.RequirePeer();
        await using var node = NodeProcess.Start("server.js");
        var port = int.Parse(await node.FirstLineAsync(Patience), System.Globalization.CultureInfo.InvariantCulture);
        using var channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"), new GrpcChannelOptions { CompressRequests = true });

        await AssertAllShapesAgainstGrpcJsAsync(channel);
    }

    [InteropFact]
    public async Task OurClient_AgainstGrpcJsServerOverTls_AllShapes()
    {
        InteropFactAttribute.RequirePeer();
        using var certificate = TlsTests.SelfSigned();
        var certPath = Path.Combine(Path.GetTempPath(), $"onestop-interop-cert-{Guid.NewGuid():N}.pem");
        var keyPath = Path.ChangeExtension(certPath, ".key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        try
        {
            await using var node = NodeProcess.Start("server.js", "--cert", certPath, "--key", keyPath);
            var port = int.Parse(await node.FirstLineAsync(Patience), System.Globalization.CultureInfo.InvariantCulture);
            using var root = X509CertificateLoader.LoadCertificate(certificate.RawData);
            using var channel = new GrpcChannel(new Uri($"https://localhost:{port}"), new GrpcChannelOptions { TrustedRoot = root, CompressRequests = true });

            await AssertAllShapesAgainstGrpcJsAsync(channel);
        }
        finally
        {
            File.Delete(certPath);
            File.Delete(keyPath);
        }
    }

    private static async Task AssertAllShapesAgainstGrpcJsAsync(GrpcChannel channel)
    {
        var client = new SyncClient(channel);
        var (sha, data, chunks) = Samples.Blob(size: 300_000, chunkSize: 64 * 1024);

        var hello = await client.HelloAsync(Samples.Hello(), new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(30) });
        var push = await client.PushAsync(Samples.Push(5, 9, 7));
        var pulled = await client.PullAsync(new PullRequest { NodeId = "node-1", AfterCursor = 10, MaxEntries = 4 }).ToListAsync();
        var uploaded = await client.UploadAttachmentAsync(Sources.Of(chunks));
        var state = await client.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha });
        var unimplemented = await Assert.ThrowsAsync<GrpcException>(() =>
            channel.UnaryAsync("/onestop.sync.v1.Sync/DoesNotExist", Samples.Hello(), HelloReply.Parser));
        var failed = await Assert.ThrowsAsync<GrpcException>(() => client.HelloAsync(Samples.Hello("fail")));
        var late = await Assert.ThrowsAsync<GrpcException>(() =>
            client.HelloAsync(Samples.Hello("slow"), new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(300) }).WaitAsync(Patience));

        Assert.Equal("hub-js", hello.HubId);
        Assert.Equal(1_700_000_000_000 - Samples.NodeWallMs, hello.ClockOffsetMs);
        Assert.Equal(9, push.AckedOriginSeq);
        Assert.Equal(3, push.Applied);
        Assert.Equal([11L, 12, 13, 14], pulled.Select(p => p.Cursor));
        Assert.Equal("rec-14", pulled[^1].Entries[0].Change.RecordId);
        Assert.False(pulled[^1].More);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), uploaded.Sha256);
        Assert.Equal(data.Length, uploaded.ReceivedBytes);
        Assert.True(uploaded.Complete);
        Assert.True(state.Complete);
        Assert.Equal(GrpcStatusCode.Unimplemented, unimplemented.Status);
        Assert.Equal(GrpcStatusCode.FailedPrecondition, failed.Status);
        Assert.Equal(TestSyncService.FailMessage, failed.Message);
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, late.Status);
        Assert.True(channel.BytesReceived > 0);
    }

    private static async Task<JsonElement> RunClientAsync(params string[] arguments)
    {
        await using var node = NodeProcess.Start("client.js", arguments);
        var exitCode = await node.WaitForExitAsync(Patience);
        var output = node.StandardOutput.Trim();
        Assert.True(exitCode == 0, $"client.js exited {exitCode}. stdout: {output} stderr: {node.StandardError}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static void AssertClientSummary(JsonElement summary)
    {
        Assert.True(summary.GetProperty("ok").GetBoolean(), summary.ToString());
        var hello = summary.GetProperty("hello");
        Assert.Equal(TestSyncService.HubId, hello.GetProperty("hubId").GetString());
        Assert.Equal((TestSyncService.HubWallMs - Samples.NodeWallMs).ToString(System.Globalization.CultureInfo.InvariantCulture), hello.GetProperty("clockOffsetMs").GetString());
        Assert.Equal("41", hello.GetProperty("ackedOriginSeq").GetString());
        Assert.Equal("9", summary.GetProperty("push").GetProperty("ackedOriginSeq").GetString());
        Assert.Equal(3, summary.GetProperty("push").GetProperty("applied").GetInt32());
        var pull = summary.GetProperty("pull");
        Assert.Equal(["11", "12", "13"], pull.GetProperty("cursors").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([true, true, false], pull.GetProperty("more").EnumerateArray().Select(m => m.GetBoolean()));
        Assert.Equal(["rec-11", "rec-12", "rec-13"], pull.GetProperty("records").EnumerateArray().Select(r => r.GetString()));
        var upload = summary.GetProperty("upload");
        Assert.Equal(upload.GetProperty("expectedSha256").GetString(), upload.GetProperty("sha256").GetString());
        Assert.Equal("200000", upload.GetProperty("receivedBytes").GetString());
        Assert.True(upload.GetProperty("complete").GetBoolean());
        Assert.True(summary.GetProperty("query").GetProperty("complete").GetBoolean());
        Assert.Equal((int)GrpcStatusCode.Unimplemented, summary.GetProperty("unimplemented").GetProperty("code").GetInt32());
        var failure = summary.GetProperty("failure");
        Assert.Equal((int)GrpcStatusCode.FailedPrecondition, failure.GetProperty("code").GetInt32());
        Assert.Equal(TestSyncService.FailMessage, failure.GetProperty("details").GetString());
        Assert.Equal((int)GrpcStatusCode.DeadlineExceeded, summary.GetProperty("deadline").GetProperty("code").GetInt32());
    }
}
