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
            // Tests wait on hub-side changes reaching the node: no idle backoff past the 1 s interval.
            ["Sync:IdleMaxIntervalSeconds"] = "1",
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
            form = BirthAnswers,
        });
        Assert.True(response.IsSuccessStatusCode, $"create dossier: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A complete, valid birth registration: the API holds the desk's intake rules (residents R001/R002).</summary>
    public static readonly Dictionary<string, string> BirthAnswers = new()
    {
        ["child.full_name"] = "Sùng Thị Mỷ",
        ["child.gender"] = "nu",
        ["child.date_of_birth"] = "2025-05-20",
        ["child.ethnicity"] = "Mông",
        ["child.nationality"] = "Việt Nam",
        ["child.place_of_birth"] = """{"commune_code":"00715","province_code":"08"}""",
        ["mother.full_name"] = "Giàng Thị Mai",
        ["mother.date_of_birth"] = "1981-09-02",
        ["mother.ethnicity"] = "Mông",
        ["mother.nationality"] = "Việt Nam",
        ["mother.id_number"] = "002181990002",
        ["mother.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.full_name"] = "Sùng Mí Chứ",
        ["requester.id_number"] = "002078990001",
        ["requester.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.relationship"] = "cha",
    };

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
