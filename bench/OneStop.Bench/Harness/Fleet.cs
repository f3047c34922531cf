using System.Globalization;
using Grpc.Net.Client;
using OneStop.Protocol;
using OneStop.Protocol.V1;

namespace OneStop.Bench.Harness;

/// <summary>
/// Many simulated edge nodes talking to one real hub over loopback gRPC: each its own channel (its own
/// HTTP/2 connection) and its own key, registered with the hub through its settings.
/// </summary>
internal sealed class Fleet : IAsyncDisposable
{
    private Fleet(SyncRig rig, IReadOnlyList<SimulatedNode> nodes)
    {
        Rig = rig;
        Nodes = nodes;
    }

    public SyncRig Rig { get; }

    public IReadOnlyList<SimulatedNode> Nodes { get; }

    /// <summary>Starts a hub that knows <paramref name="count"/> nodes, two per commune (so their writes can conflict).</summary>
    public static async Task<Fleet> StartAsync(string name, int count, bool compress, BenchStore? store = null)
    {
        var rig = SyncRig.Empty(name);
        var nodes = Enumerable.Range(0, count)
            .Select(i => new SimulatedNode($"node-sim-{i:D4}", (20000 + (i / 2)).ToString(CultureInfo.InvariantCulture), $"sim-key-{i}"))
            .ToList();
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            settings[$"Hub:Nodes:{i + 1}:Id"] = nodes[i].NodeId;
            settings[$"Hub:Nodes:{i + 1}:CommuneCode"] = nodes[i].Commune;
            settings[$"Hub:Nodes:{i + 1}:Key"] = nodes[i].Key;
        }

        foreach (var (key, value) in store?.Settings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        await rig.StartHubAsync(settings);
        foreach (var node in nodes)
        {
            node.Connect(rig.HubDirect, compress);
        }

        return new Fleet(rig, nodes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }

        await Rig.DisposeAsync();
    }
}

/// <summary>One simulated node: identity, channel and typed client.</summary>
internal sealed class SimulatedNode(string nodeId, string commune, string key) : IDisposable
{
    private GrpcChannel? _channel;

    public string NodeId { get; } = nodeId;

    public string Commune { get; } = commune;

    public string Key { get; } = key;

    public SyncClient Client { get; private set; } = null!;

    public void Connect(Uri hub, bool compress)
    {
        _channel = SyncChannel.Create(hub);
        // Generous base: the bench measures throughput on a contended machine, not the node's deadlines.
        Client = new SyncClient(_channel, new SyncCallSettings { NodeId = NodeId, NodeKey = Key, CompressRequests = compress, BaseTimeout = TimeSpan.FromMinutes(30) });
    }

    public Task<HelloReply> HelloAsync(TimeProvider time) => Client.HelloAsync(
        new HelloRequest { NodeId = NodeId, CommuneCode = Commune, NodeWallMs = time.GetUtcNow().ToUnixTimeMilliseconds(), SoftwareVersion = "bench" });

    public void Dispose() => _channel?.Dispose();
}
