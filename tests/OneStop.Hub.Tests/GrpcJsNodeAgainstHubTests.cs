using System.Diagnostics;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Hub.Tests.Infrastructure;
using OneStop.TestHosts;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>
/// An independent gRPC implementation (@grpc/grpc-js) plays an edge node against the real hub:
/// unary, server-streaming and client-streaming calls, node metadata, gzip and refusals.
/// </summary>
public sealed class GrpcJsNodeAgainstHubTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task GrpcJsNode_EveryRpcShape_HubAnswersAndStores()
    {
        var interop = Path.Combine(RepoRoot.Path, "tests", "interop");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@grpc", "grpc-js")))
        {
            Assert.Fail("tests/interop/node_modules is missing: run `npm ci --prefix tests/interop` (test.sh does).");
        }

        var summary = await RunNodeAsync(interop, "hub-client.js", $"localhost:{_hub.GrpcAddress.Port}", NodeA, KeyA, CommuneA);

        Assert.Equal("hub", summary.GetProperty("hello").GetProperty("hubId").GetString());
        Assert.Equal("1", summary.GetProperty("push").GetProperty("ackedOriginSeq").GetString());
        Assert.Equal(7, summary.GetProperty("outOfScope").GetProperty("code").GetInt32());
        Assert.Equal(16, summary.GetProperty("wrongKey").GetProperty("code").GetInt32());
        var pull = summary.GetProperty("pull");
        Assert.True(pull.GetProperty("ownRecord").GetBoolean());
        Assert.Equal(23, pull.GetProperty("entries").GetInt32());
        Assert.Equal(3, pull.GetProperty("messages").GetInt32());
        Assert.Equal(new[] { CommuneA, Scopes.Global }, pull.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.True(summary.GetProperty("upload").GetProperty("complete").GetBoolean());
        Assert.Equal("150000", summary.GetProperty("query").GetProperty("receivedBytes").GetString());

        var stored = await _hub.Store.GetAsync(summary.GetProperty("recordId").GetGuid());
        Assert.Equal("\"Hạng A Tủa\"", stored!.GetJson("applicant_name"));
        Assert.Equal(150_000, (await _hub.Attachments.ReadCompleteAsync(summary.GetProperty("sha256").GetString()!))!.Length);
    }

    private static async Task<JsonElement> RunNodeAsync(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"node {string.Join(' ', args)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
        using var document = JsonDocument.Parse(await stdout);
        return document.RootElement.Clone();
    }
}
