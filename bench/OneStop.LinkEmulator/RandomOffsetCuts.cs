namespace OneStop.LinkEmulator;

/// <summary>
/// Cuts every connection at a uniformly random byte offset in [<paramref name="minBytes"/>, <paramref name="maxBytes"/>):
/// "a cut at a random offset during every transfer". A connection that carries fewer bytes survives, so a
/// resumable protocol still finishes. Seeded, so a run can be repeated byte for byte.
/// </summary>
public sealed class RandomOffsetCuts(long minBytes, long maxBytes, int seed) : ICutPolicy
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public long? CutOffset(int connectionIndex)
    {
        lock (_gate)
        {
            return _random.NextInt64(minBytes, maxBytes);
        }
    }
}
