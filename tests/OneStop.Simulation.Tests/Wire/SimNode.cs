using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using OneStop.Edge;
using OneStop.Edge.Devices;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Protocol;
using OneStop.Storage;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>A node as the hub registers it: id, commune, shared key.</summary>
internal sealed record SimNodeIdentity(string NodeId, string Commune, string Key);

/// <summary>Wall time of the simulation, moved on by the schedule; each node reads it through its own skew.</summary>
internal sealed class SimWall(long startMs)
{
    public long NowMs { get; set; } = startMs;
}

internal sealed class SkewedClock(SimWall wall, long skewMs) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(wall.NowMs + skewMs);
}

/// <summary>
/// One edge node: the real <see cref="EdgeStore"/> on its own SQLite file and the real <see cref="SyncRound"/>
/// over a gRPC channel to the in-process hub, authenticated with its key. A restart abandons every object and
/// opens the file again, as the process does after a crash.
/// </summary>
internal sealed class SimNode
{
    private readonly SyncOptions _options;
    private SyncRound? _round;
    private GrpcChannel? _channel;

    public SimNode(SimNodeIdentity identity, string path, TimeProvider clock, int batchEntries)
    {
        Identity = identity;
        Path = path;
        Clock = clock;
        _options = new SyncOptions { NodeKey = identity.Key, MaxBatchEntries = batchEntries };
    }

    public SimNodeIdentity Identity { get; }

    public string NodeId => Identity.NodeId;

    public string Commune => Identity.Commune;

    public string Path { get; }

    public TimeProvider Clock { get; }

    public EdgeStore Store { get; private set; } = null!;

    public int Restarts { get; private set; }

    public async Task OpenAsync()
    {
        var store = new EdgeStore(new SqliteDatabase(Path) { Cipher = Simulation.SimKeys.CipherOf(NodeId) }, NodeId);
        await store.InitialiseAsync(Clock);
        await store.BindIncarnationAsync("sim-machine-" + NodeId, Clock);
        Store = store;
        _round = null;
    }

    /// <summary>A crash: the store, its round and its channel are dropped without another statement; the file is reopened.</summary>
    public async Task RestartAsync()
    {
        _channel?.Dispose();
        _channel = null;
        SqliteConnection.ClearAllPools();
        Restarts++;
        await OpenAsync();
    }

    /// <summary>The hub restarted: the node's connection to it is gone, its store is not.</summary>
    public void Disconnect()
    {
        _channel?.Dispose();
        _channel = null;
        _round = null;
    }

    public Task RunRoundAsync(InProcessHub hub)
    {
        if (_round is null || _channel is null)
        {
            _channel = GrpcChannel.ForAddress(hub.Address, new GrpcChannelOptions { HttpHandler = hub.CreateHandler(), DisposeHttpClient = true });
            var client = new SyncClient(_channel, new SyncCallSettings { NodeId = NodeId, NodeKey = Identity.Key });
            var database = new SqliteDatabase(Path) { Cipher = Simulation.SimKeys.CipherOf(NodeId) };
            _round = new SyncRound(
                Store, new BlobStore(database, Clock), client, _options, new EdgeOptions { NodeId = NodeId, CommuneCode = Commune },
                new SyncStatus(), new DeviceHealthBoard(), Clock, new SyncQuarantine(database));
        }

        return _round.RunAsync(CancellationToken.None);
    }
}
