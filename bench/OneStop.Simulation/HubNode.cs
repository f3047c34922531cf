using OneStop.Core.Clock;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>The hub: the real <see cref="HubStore"/> on its own SQLite file, with an honest clock (skew 0).</summary>
public sealed class HubNode
{
    public const string HubId = "hub";

    private HubNode(string path, SimClock clock, long maxAheadMs, HubStore store)
    {
        Path = path;
        Clock = clock;
        MaxAheadMs = maxAheadMs;
        Store = store;
    }

    public string Path { get; }

    public SimClock Clock { get; }

    public long MaxAheadMs { get; }

    public HubStore Store { get; private set; }

    /// <summary>The hub clock's reading before the last restart, or the last one checked.</summary>
    public HlcTimestamp LastReading { get; set; } = HlcTimestamp.Zero;

    public static async Task<HubNode> OpenAsync(string path, SimClock clock, long maxAheadMs)
    {
        var store = await OpenStoreAsync(path, clock, maxAheadMs);
        return new HubNode(path, clock, maxAheadMs, store);
    }

    public async Task RestartAsync() => Store = await OpenStoreAsync(Path, Clock, MaxAheadMs);

    private static async Task<HubStore> OpenStoreAsync(string path, SimClock clock, long maxAheadMs)
    {
        var store = new HubStore(new SqliteDatabase(path), HubId, clock, maxAheadMs);
        await store.InitialiseAsync();
        return store;
    }
}
