namespace OneStop.Simulation;

/// <summary>
/// The simulation's true time. Only the simulation moves it, so a seed replays the same clocks every run;
/// the start is fixed (2025-01-01) rather than read from the machine for the same reason.
/// </summary>
public sealed class SimTime
{
    public const long StartMs = 1_735_689_600_000;

    public long NowMs { get; private set; } = StartMs;

    public void Advance(long ms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ms);
        NowMs += ms;
    }
}
