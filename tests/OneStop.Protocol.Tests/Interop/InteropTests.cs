using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OneStop.Protocol.Tests.Client;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Interop;

/// <summary>Our server (Grpc.AspNetCore) and client (Grpc.Net.Client) against @grpc/grpc-js, an independent implementation, in both directions.</summary>
public sealed class InteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [InteropFact]
    public async Task GrpcJsClient_AgainstOurServer_AllShapesGzipAndStatuses()
    {
        InteropFactAttribute.RequirePeer();
        await using var server = await GrpcTestServer.StartAsync();

        var summary = await RunClientAsync($"127.0.0.1:{server.Port}");

        AssertClientSummary(summary);
    }

    [InteropFact]
    public async Task GrpcJsClient_AgainstOurServerOverTls_AllShapes()
    {
        InteropFactAttribute.RequirePeer();
        using var certificate = TlsTests.SelfSigned();
        await using var server = await GrpcTestServer.StartAsync(certificate);
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
        using var channel = SyncChannel.Create(new Uri($"http://127.0.0.1:{port}"));

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
            using var channel = SyncChannel.Create(new Uri($"https://localhost:{port}"), new SyncChannelOptions { TrustedRoot = root });

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
        var client = Clients.For(channel);
        var (sha, data, chunks) = Samples.Blob(size: 300_000, chunkSize: 64 * 1024);

        var hello = await client.HelloAsync(Samples.Hello());
        var push = await client.PushAsync(Samples.Push(5, 9, 7));
        var pulled = await client.PullAsync(new PullRequest { NodeId = "node-1", AfterCursor = 10, MaxEntries = 4 }).ToListAsync();
        var uploaded = await client.UploadAttachmentAsync(Sources.Of(chunks), Clients.UploadBytes);
        var state = await client.QueryAttachmentAsync(new AttachmentQuery { Sha256 = sha });
        var unimplemented = await Assert.ThrowsAsync<RpcException>(() =>
            UnknownMethodAsync(channel));
        var failed = await Assert.ThrowsAsync<RpcException>(() => client.HelloAsync(Samples.Hello("fail")));
        var late = await Assert.ThrowsAsync<RpcException>(() =>
            ShortDeadline(channel).HelloAsync(Samples.Hello("slow")).WaitAsync(Patience));

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
        Assert.Equal(StatusCode.Unimplemented, unimplemented.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, failed.StatusCode);
        Assert.Equal(TestSyncService.FailMessage, failed.Status.Detail);
        Assert.Equal(StatusCode.DeadlineExceeded, late.StatusCode);
    }

    /// <summary>A method the service does not have, called through the same channel.</summary>
    private static async Task<HelloReply> UnknownMethodAsync(GrpcChannel channel)
    {
        var method = new Method<HelloRequest, HelloReply>(MethodType.Unary, "onestop.sync.v1.Sync", "DoesNotExist",
            Marshallers.Create(m => m.ToByteArray(), HelloRequest.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), HelloReply.Parser.ParseFrom));
        return await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), Samples.Hello());
    }

    /// <summary>A client whose every deadline is 300 ms, whatever it carries.</summary>
    private static SyncClient ShortDeadline(GrpcChannel channel) =>
        new(channel, new SyncCallSettings { BaseTimeout = TimeSpan.FromMilliseconds(300), LinkFloorBytesPerSecond = int.MaxValue });

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
        Assert.Equal((int)StatusCode.Unimplemented, summary.GetProperty("unimplemented").GetProperty("code").GetInt32());
        var failure = summary.GetProperty("failure");
        Assert.Equal((int)StatusCode.FailedPrecondition, failure.GetProperty("code").GetInt32());
        Assert.Equal(TestSyncService.FailMessage, failure.GetProperty("details").GetString());
        Assert.Equal((int)StatusCode.DeadlineExceeded, summary.GetProperty("deadline").GetProperty("code").GetInt32());
    }
}
