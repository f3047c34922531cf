namespace OneStop.LinkEmulator;

/// <summary>An up/down pattern that repeats: the link carries traffic for <see cref="Up"/>, then nothing for <see cref="Down"/>.</summary>
public sealed record OutageSchedule(TimeSpan Up, TimeSpan Down)
{
    /// <summary>Five minutes up, twenty down (a mast on solar power, a shared VSAT slot), with time divided by <paramref name="timeScale"/>.</summary>
    public static OutageSchedule FiveUpTwentyDown(double timeScale) =>
        new(TimeSpan.FromMinutes(5) / timeScale, TimeSpan.FromMinutes(20) / timeScale);
}
