using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>One edge node of a test cluster: its identity, data folder, port and process.</summary>
internal sealed class EdgeNode(string nodeId, string key, string dataDirectory)
{
    public string NodeId { get; } = nodeId;
    public string Key { get; } = key;
    public string DataDirectory { get; } = dataDirectory;
    public int Port { get; private set; } = HostProcess.FreePort();
    public HostProcess? Process { get; private set; }
    public const string ApiKey = "e2e-api-key";

    public HttpClient Http { get; } = CreateClient();

    public Uri Api(string path) => new($"http://127.0.0.1:{Port}{path}");

    public async Task StartAsync(int hubGrpcPort, string communeCode, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{Port}",
            ["Edge:NodeId"] = NodeId,
            ["Edge:CommuneCode"] = communeCode,
            ["Edge:DataDirectory"] = DataDirectory,
            ["Sync:HubUrl"] = $"http://127.0.0.1:{hubGrpcPort}",
            ["Sync:NodeKey"] = Key,
            ["Sync:IntervalSeconds"] = "1",
            ["Sync:BreakSeconds"] = "2",
            ["Edge:ApiKey"] = ApiKey,
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }

        Process = await HostProcess.StartAsync(RepoPaths.HostDll("edge-node", "OneStop.Edge"), settings);
    }

    /// <summary>SIGKILL then start again on a fresh port, on the same data folder.</summary>
    public async Task RestartAfterKillAsync(int hubGrpcPort, string communeCode, IReadOnlyDictionary<string, string> extra)
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        Port = HostProcess.FreePort();
        await StartAsync(hubGrpcPort, communeCode, extra);
    }

    public async Task<Guid> CreateDossierAsync(string applicant, string procedureCode = "hotich.khaisinh")
    {
        using var response = await Http.PostAsJsonAsync(Api("/api/dossiers"), new
        {
            procedureCode,
            applicantName = applicant,
            form = new Dictionary<string, string> { ["child.full_name"] = applicant },
        });
        Assert.True(response.IsSuccessStatusCode, $"create dossier: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public Task<JsonElement> GetJsonAsync(string path) => Http.GetFromJsonAsync<JsonElement>(Api(path));

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-OneStop-Api-Key", ApiKey);
        return client;
    }

    public async Task RequestSyncAsync()
    {
        using var response = await Http.PostAsync(Api("/api/sync"), null);
        response.EnsureSuccessStatusCode();
    }
}
