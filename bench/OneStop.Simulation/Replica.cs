using OneStop.Core.Clock;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>
/// One edge node: the real <see cref="EdgeStore"/> on its own SQLite file, its own clock, and what the
/// simulation remembers about it to check the store (own seqs, highest versions, partition, restarts).
/// </summary>
public sealed class Replica
{
    private Replica(string nodeId, string path, SimClock clock, EdgeStore store)
    {
        NodeId = nodeId;
        Path = path;
        Clock = clock;
        Store = store;
    }

    public string NodeId { get; }

    public string Path { get; }

    public SimClock Clock { get; }

    public EdgeStore Store { get; private set; }

    /// <summary>Bumped at each restart: a reply in flight to an earlier incarnation is lost with its connection.</summary>
    public int Incarnation { get; private set; }

    /// <summary>Cut off from the hub until this step (exclusive).</summary>
    public long PartitionedUntil { get; set; }

    /// <summary>Highest own change-log seq, as counted from acknowledged writes.</summary>
    public long LastSeq { get; set; }

    /// <summary>Highest version the replica wrote or applied and persisted: its HLC may never restart below it.</summary>
    public HlcTimestamp Persisted { get; set; } = HlcTimestamp.Zero;

    /// <summary>The clock reading last seen in this incarnation: it may never go backwards.</summary>
    public HlcTimestamp LastReading { get; set; } = HlcTimestamp.Zero;

    public static async Task<Replica> OpenAsync(string nodeId, string path, SimClock clock)
    {
        var store = await OpenStoreAsync(nodeId, path, clock);
        return new Replica(nodeId, path, clock, store);
    }

    public bool IsPartitioned(long step) => step < PartitionedUntil;

    /// <summary>A crash and restart: the old instance is abandoned, a new one opens the same file.</summary>
    public async Task RestartAsync()
    {
        Incarnation++;
        Store = await OpenStoreAsync(NodeId, Path, Clock);
        LastReading = HlcTimestamp.Zero;
    }

    private static async Task<EdgeStore> OpenStoreAsync(string nodeId, string path, SimClock clock)
    {
        // Sealed as on a real node, so convergence is checked with personal fields encrypted at rest.
        var store = new EdgeStore(new SqliteDatabase(path) { Cipher = SimKeys.CipherOf(nodeId) }, nodeId);
        await store.InitialiseAsync(clock);
        return store;
    }
}
