using System.Globalization;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Harness;

/// <summary>
/// The uplink's idle stretches in one run (seconds from the first activity, and how long), their sum, and the rate
/// the emulator gave while the sender kept it busy: the time a drain spends above its lower bound is either here
/// (the protocol left the link idle) or in a busy rate below the profile's (the emulator's pacing).
/// </summary>
internal sealed record UplinkSummary(double IdleSeconds, IReadOnlyList<(double At, double Seconds)> Gaps, double BusyBytesPerSecond, double NominalBytesPerSecond, IReadOnlyList<(double At, int Bytes)> Down)
{
    /// <summary>The summary up to <paramref name="end"/>, the run's last delivery when the drain was seen, so later rounds are left out.</summary>
    public static UplinkSummary Of(LinkStats stats, long end, TimeProvider time, LinkProfile profile)
    {
        var origin = stats.FirstActivityTimestamp;
        var gaps = stats.Uplink.Gaps
            .Where(g => g.Start < end)
            .Select(g => (At: Seconds(time, origin, g.Start), Seconds: Seconds(time, g.Start, Math.Min(g.End, end))))
            .ToList();
        var (bytes, ticks) = stats.Uplink.Busy;
        var rate = ticks > 0 ? bytes / (ticks / (double)time.TimestampFrequency) : 0;
        var down = stats.Uplink.DownDeliveries.Where(d => d.At <= end).Select(d => (Seconds(time, origin, d.At), d.Bytes)).ToList();
        return new UplinkSummary(gaps.Sum(g => g.Seconds), gaps, rate, profile.UpBytesPerSecond, down);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"uplink idle {IdleSeconds:0.00} s in {Gaps.Count} gaps [")
        + string.Join(", ", Gaps.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.At:0.00}+{g.Seconds * 1000:0}ms")))
        + string.Create(CultureInfo.InvariantCulture, $"], busy rate {BusyBytesPerSecond:0} B/s of {NominalBytesPerSecond:0}; down at [")
        + string.Join(", ", Down.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.At:0.00}:{d.Bytes}")))
        + "]";

    private static double Seconds(TimeProvider time, long from, long to) => to <= from ? 0 : time.GetElapsedTime(from, to).TotalSeconds;
}
