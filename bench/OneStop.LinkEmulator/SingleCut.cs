namespace OneStop.LinkEmulator;

/// <summary>
/// Cuts the first connection opened after the policy is set, at <paramref name="offset"/> bytes (both directions
/// together), and leaves every later one whole: one cut at a known place inside a known transfer, then resumption.
/// </summary>
public sealed class SingleCut(long offset) : ICutPolicy
{
    private int _used;

    public long? CutOffset(int connectionIndex) => Interlocked.Exchange(ref _used, 1) == 0 ? offset : null;
}
