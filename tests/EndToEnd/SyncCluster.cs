using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.LinkEmulator;

namespace OneStop.EndToEnd.Tests;

/// <summary>A hub and edge nodes as real processes on loopback, with their data folders in a temp directory.</summary>
internal sealed partial class SyncCluster : IAsyncDisposable
{
    public const string CommuneCode = "03006";

    private readonly string _root = Directory.CreateTempSubdirectory("onestop-e2e-").FullName;
    private readonly Dictionary<string, string> _edgeSettings;

    private readonly LinkProxy? _link;

    /// <param name="edges">How many edge nodes.</param>
    /// <param name="edgeSettings">Extra settings for every edge node.</param>
    /// <param name="link">When set, the nodes reach the hub through the link emulator with this profile.</param>
    public SyncCluster(int edges = 1, IReadOnlyDictionary<string, string>? edgeSettings = null, LinkProfile? link = null)
    {
        _edgeSettings = new Dictionary<string, string>(edgeSettings ?? new Dictionary<string, string>());
        if (link is not null)
        {
            _link = new LinkProxy(new IPEndPoint(IPAddress.Loopback, HubGrpcPort), link);
            _link.Start();
        }

        HubHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        HubHttp.DefaultRequestHeaders.Add("X-OneStop-Admin-Key", HubAdminKey);
        Edges = [.. Enumerable.Range(1, edges).Select(i => new EdgeNode($"node-e2e-{i:D2}", $"e2e-key-{i}", Path.Combine(_root, $"edge-{i}")))];
    }

    public IReadOnlyList<EdgeNode> Edges { get; }

    /// <summary>The link emulator between the nodes and the hub, when the cluster was made with a link profile.</summary>
    public LinkProxy Link => _link ?? throw new InvalidOperationException("This cluster has no link emulator.");

    /// <summary>The first (or only) edge node.</summary>
    public EdgeNode Edge => Edges[0];

    public int HubGrpcPort { get; } = HostProcess.FreePort();

    /// <summary>Where the nodes dial the hub: the link emulator if there is one, else the hub itself.</summary>
    private int NodesDialPort => _link?.Port ?? HubGrpcPort;
    public int HubHttpPort { get; } = HostProcess.FreePort();

    public HostProcess? Hub { get; private set; }

    /// <summary>The hub's data folder, for tests that check what it stored on disk.</summary>
    public string HubDataDirectory => Path.Combine(_root, "hub");

    /// <summary>The hub's admin API key; <see cref="HubHttp"/> presents it on every request.</summary>
    public string HubAdminKey { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public HttpClient HubHttp { get; }

    public Uri HubApi(string path) => new($"http://127.0.0.1:{HubHttpPort}{path}");

    /// <param name="extra">Settings on top of the cluster's own (e.g. a smaller Hub:MaxMessageBytes).</param>
    public async Task StartHubAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:DataDirectory"] = HubDataDirectory,
            ["Hub:GrpcPort"] = HubGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:HttpPort"] = HubHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:AdminApiKey"] = HubAdminKey,
            // The cluster's nodes use the shared keys below; enrolment tests start the hub with "false".
            ["NodeSecurity:DevelopmentSharedKeys"] = "true",
        };
        for (var i = 0; i < Edges.Count; i++)
        {
            settings[$"Hub:Nodes:{i}:Id"] = Edges[i].NodeId;
            settings[$"Hub:Nodes:{i}:CommuneCode"] = CommuneCode;
            settings[$"Hub:Nodes:{i}:Key"] = Edges[i].Key;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        Hub = await HostProcess.StartAsync(RepoPaths.HostDll("central-hub", "OneStop.Hub"), settings);
    }

    public async Task StopHubAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
            Hub = null;
        }
    }

    public Task StartEdgeAsync() => StartEdgesAsync();

    public async Task StartEdgesAsync()
    {
        foreach (var edge in Edges)
        {
            await edge.StartAsync(NodesDialPort, CommuneCode, _edgeSettings);
        }
    }

    /// <summary>Starts one edge node (the others stay as they are).</summary>
    public Task StartEdgeAsync(EdgeNode edge) => edge.StartAsync(NodesDialPort, CommuneCode, _edgeSettings);

    public Task RestartEdgeAfterKillAsync(EdgeNode edge) => edge.RestartAfterKillAsync(NodesDialPort, CommuneCode, _edgeSettings);

    public Task RestartEdgeAfterKillAsync() => Edge.RestartAfterKillAsync(NodesDialPort, CommuneCode, _edgeSettings);

    public Task<Guid> CreateDossierAsync(string applicant, string procedureCode = "hotich.khaisinh") =>
        Edge.CreateDossierAsync(applicant, procedureCode);

    public async Task<List<Guid>> HubDossierIdsAsync()
    {
        using var body = JsonDocument.Parse(await HubHttp.GetStringAsync(HubApi("/api/records/dossier")));
        return [.. body.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    public Task<JsonElement> HubJsonAsync(string path) => HubHttp.GetFromJsonAsync<JsonElement>(HubApi(path));

    public Task<JsonElement> HubStatsAsync() => HubJsonAsync("/api/stats");

    public async Task<long> HubAckedAsync(string? nodeId = null)
    {
        nodeId ??= Edge.NodeId;
        var nodes = await HubJsonAsync("/api/nodes");
        return nodes.EnumerateArray()
            .Where(n => n.GetProperty("nodeId").GetString() == nodeId)
            .Select(n => n.GetProperty("ackedSeq").GetInt64())
            .FirstOrDefault();
    }

    public string Logs() =>
        $"--- hub ---\n{Hub?.Output}\n" + string.Join('\n', Edges.Select(e => $"--- {e.NodeId} ---\n{e.Process?.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var edge in Edges)
        {
            if (edge.Process is not null)
            {
                await edge.Process.DisposeAsync();
            }

            edge.Http.Dispose();
        }

        await StopHubAsync();
        if (_link is not null)
        {
            await _link.DisposeAsync();
        }

        HubHttp.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is the OS's to clean.
        }
    }
}
