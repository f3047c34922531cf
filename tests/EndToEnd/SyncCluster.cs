using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>A hub and an edge node as real processes on loopback, with their data folders in a temp directory.</summary>
internal sealed class SyncCluster : IAsyncDisposable
{
    public const string NodeId = "node-e2e-01";
    public const string CommuneCode = "03006";
    private const string NodeKey = "e2e-secret-key";

    private readonly string _root = Directory.CreateTempSubdirectory("onestop-e2e-").FullName;
    private readonly Dictionary<string, string> _extraEdgeSettings;

    public SyncCluster(IReadOnlyDictionary<string, string>? edgeSettings = null)
    {
        _extraEdgeSettings = new Dictionary<string, string>(edgeSettings ?? new Dictionary<string, string>());
    }

    public int HubGrpcPort { get; } = HostProcess.FreePort();
    public int HubHttpPort { get; } = HostProcess.FreePort();
    public int EdgePort { get; private set; } = HostProcess.FreePort();

    public HostProcess? Hub { get; private set; }
    public HostProcess? Edge { get; private set; }

    public HttpClient HubHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public HttpClient EdgeHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri HubApi(string path) => new($"http://127.0.0.1:{HubHttpPort}{path}");
    public Uri EdgeApi(string path) => new($"http://127.0.0.1:{EdgePort}{path}");

    public async Task StartHubAsync()
    {
        Hub = await HostProcess.StartAsync(RepoPaths.HostDll("central-hub", "OneStop.Hub"), new Dictionary<string, string>
        {
            ["Hub:DataDirectory"] = Path.Combine(_root, "hub"),
            ["Hub:GrpcPort"] = HubGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:HttpPort"] = HubHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Nodes:0:Id"] = NodeId,
            ["Hub:Nodes:0:CommuneCode"] = CommuneCode,
            ["Hub:Nodes:0:Key"] = NodeKey,
        });
    }

    public async Task StartEdgeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{EdgePort}",
            ["Edge:NodeId"] = NodeId,
            ["Edge:CommuneCode"] = CommuneCode,
            ["Edge:DataDirectory"] = Path.Combine(_root, "edge"),
            ["Sync:HubUrl"] = $"http://127.0.0.1:{HubGrpcPort}",
            ["Sync:NodeKey"] = NodeKey,
            ["Sync:IntervalSeconds"] = "1",
        };
        foreach (var (key, value) in _extraEdgeSettings)
        {
            settings[key] = value;
        }

        Edge = await HostProcess.StartAsync(RepoPaths.HostDll("edge-node", "OneStop.Edge"), settings);
    }

    public async Task<Guid> CreateDossierAsync(string applicant, string procedureCode = "hotich.khaisinh")
    {
        using var response = await EdgeHttp.PostAsJsonAsync(EdgeApi("/api/dossiers"), new
        {
            procedureCode,
            applicantName = applicant,
            form = new Dictionary<string, string> { ["child.full_name"] = applicant },
        });
        Assert.True(response.IsSuccessStatusCode, $"create dossier: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public async Task<List<Guid>> HubDossierIdsAsync()
    {
        using var body = JsonDocument.Parse(await HubHttp.GetStringAsync(HubApi("/api/records/dossier")));
        return [.. body.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    public async Task<JsonElement> HubStatsAsync()
    {
        using var body = JsonDocument.Parse(await HubHttp.GetStringAsync(HubApi("/api/stats")));
        return body.RootElement.Clone();
    }

    public async Task<long> HubAckedAsync()
    {
        using var body = JsonDocument.Parse(await HubHttp.GetStringAsync(HubApi("/api/nodes")));
        return body.RootElement.EnumerateArray()
            .Where(n => n.GetProperty("nodeId").GetString() == NodeId)
            .Select(n => n.GetProperty("ackedSeq").GetInt64())
            .FirstOrDefault();
    }

    public string Logs() => $"--- hub ---\n{Hub?.Output}\n--- edge ---\n{Edge?.Output}";

    public async Task RestartEdgeAfterKillAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        EdgePort = HostProcess.FreePort();
        await StartEdgeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        HubHttp.Dispose();
        EdgeHttp.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
