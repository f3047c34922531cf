using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Harness;

/// <summary>
/// A hub and one edge node as real processes on loopback, the edge reaching the hub only through a
/// <see cref="LinkProxy"/>. Data folders live under bench/results/tmp and are deleted on disposal.
/// </summary>
internal sealed class SyncRig : IAsyncDisposable
{
    public const string Commune = "03006";
    public const string NodeId = "node-bench-01";
    public const string NodeKey = "bench-key-01";

    /// <summary>The node API's key for scripts (header X-OneStop-Api-Key), so the bench need not sign in.</summary>
    public const string ApiKey = "bench-api-key";

    private SyncRig(string root)
    {
        Root = root;
        Http.DefaultRequestHeaders.Add("X-OneStop-Api-Key", ApiKey);
    }

    public string Root { get; }

    public HostProcess? Hub { get; private set; }

    public HostProcess? Edge { get; private set; }

    public LinkProxy? Proxy { get; private set; }

    public int HubGrpcPort { get; } = HostProcess.FreePort();

    public int HubHttpPort { get; } = HostProcess.FreePort();

    public int EdgePort { get; private set; } = HostProcess.FreePort();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public TimeProvider Time { get; } = TimeProvider.System;

    public Uri EdgeApi(string path) => new($"http://127.0.0.1:{EdgePort}{path}");

    /// <summary>A rig on empty data folders.</summary>
    public static SyncRig Empty(string name) =>
        new(Directory.CreateDirectory(Path.Combine(RepoPaths.Scratch, $"{name}-{Guid.NewGuid():N}")).FullName);

    /// <summary>A rig on a copy of a prepared template (hub and edge folders as they were left).</summary>
    public static SyncRig FromTemplate(string template)
    {
        var rig = Empty(Path.GetFileName(template));
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rig.Root, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return rig;
    }

    public async Task StartHubAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:DataDirectory"] = Path.Combine(Root, "hub"),
            ["Hub:GrpcPort"] = HubGrpcPort.ToString(CultureInfo.InvariantCulture),
            ["Hub:HttpPort"] = HubHttpPort.ToString(CultureInfo.InvariantCulture),
            ["Hub:Nodes:0:Id"] = NodeId,
            ["Hub:Nodes:0:CommuneCode"] = Commune,
            ["Hub:Nodes:0:Key"] = NodeKey,
            // The bench's nodes use shared keys: measure sync, not the TLS handshake.
            ["NodeSecurity:DevelopmentSharedKeys"] = "true",
        };
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

    public LinkProxy StartProxy(LinkProfile profile, ICutPolicy? cuts = null)
    {
        Proxy = new LinkProxy(new IPEndPoint(IPAddress.Loopback, HubGrpcPort), profile) { Cuts = cuts ?? NoCuts.Instance };
        Proxy.Start();
        return Proxy;
    }

    public Dictionary<string, string> EdgeSettings(Uri hubUrl, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{EdgePort}",
            ["Edge:NodeId"] = NodeId,
            ["Edge:CommuneCode"] = Commune,
            ["Edge:DataDirectory"] = Path.Combine(Root, "edge"),
            ["Sync:HubUrl"] = hubUrl.ToString(),
            ["Sync:NodeKey"] = NodeKey,
            ["Sync:IntervalSeconds"] = "2",
            ["Sync:IdleMaxIntervalSeconds"] = "2",
            ["Edge:ApiKey"] = ApiKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public Uri HubDirect => new($"http://127.0.0.1:{HubGrpcPort}");

    public Uri ViaProxy => new($"http://127.0.0.1:{Proxy!.Port}");

    public async Task StartEdgeAsync(Uri hubUrl, IReadOnlyDictionary<string, string>? extra = null) =>
        Edge = await HostProcess.StartAsync(RepoPaths.HostDll("edge-node", "OneStop.Edge"), EdgeSettings(hubUrl, extra));

    public HostProcess LaunchEdge(Uri hubUrl, IReadOnlyDictionary<string, string>? extra = null) =>
        Edge = HostProcess.Launch(RepoPaths.HostDll("edge-node", "OneStop.Edge"), EdgeSettings(hubUrl, extra));

    /// <summary>Takes an edge started by the caller (e.g. inside a CPU budget) as this rig's edge.</summary>
    public HostProcess UseEdge(HostProcess edge) => Edge = edge;

    public async Task StopEdgeAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
            Edge = null;
        }

        EdgePort = HostProcess.FreePort();
    }

    public async Task<JsonElement> StatusAsync() => await Http.GetFromJsonAsync<JsonElement>(EdgeApi("/api/status"));

    /// <summary>Polls the edge's status until <paramref name="done"/> holds; 50 ms apart, so the poll costs little and misses little.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var start = Time.GetTimestamp();
        while (true)
        {
            var status = await StatusAsync();
            if (done(status))
            {
                return status;
            }

            if (Time.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"Gave up after {timeout}: {status}\n--- edge ---\n{Edge?.Output}\n--- hub ---\n{Hub?.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Time);
        }
    }

    public static bool Drained(JsonElement status) =>
        status.GetProperty("backlog").GetInt64() == 0
        && status.GetProperty("blobsPending").GetInt32() == 0
        && status.GetProperty("rounds").GetInt32() > 0;

    /// <summary>Log rows at the hub and distinct (origin, seq) among them, read straight from its database.</summary>
    public (long Rows, long Distinct) HubLogCounts()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Root, "hub", "hub.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT origin_node || ':' || origin_seq) FROM hub_log WHERE origin_node = $node";
        command.Parameters.AddWithValue("$node", NodeId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async ValueTask DisposeAsync()
    {
        await StopEdgeAsync();
        await StopHubAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        Http.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may hold a file a moment longer; tmp is ignored by git.
        }
    }
}
