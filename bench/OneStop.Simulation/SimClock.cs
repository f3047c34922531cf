namespace OneStop.Simulation;

/// <summary>
/// A replica's wall clock: true time plus a skew that the simulation moves in random steps (it may step
/// back a little, like a clock corrected by NTP) or resets (a power cut on a board without RTC).
/// </summary>
public sealed class SimClock(SimTime time, long skewMs) : TimeProvider
{
    public long SkewMs { get; set; } = skewMs;

    public long NowMs => time.NowMs + SkewMs;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);
}
