using OneStop.LinkEmulator;

namespace OneStop.Bench.Harness;

/// <summary>One measured sync: a fresh copy of a template, the edge started behind the emulated link, timed until drained.</summary>
internal static class SyncRun
{
    public static async Task<SyncMeasurement> MeasureAsync(
        Template template,
        LinkProfile profile,
        ICutPolicy? cuts = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? edgeSettings = null)
    {
        await using var rig = SyncRig.FromTemplate(template.Folder);
        await rig.StartHubAsync();
        var proxy = rig.StartProxy(profile, cuts);
        await rig.StartEdgeAsync(rig.ViaProxy, edgeSettings);
        var drained = await rig.WaitForAsync(SyncRig.Drained, timeout ?? TimeSpan.FromMinutes(20));
        var stats = proxy.Stats;
        var end = stats.LastDeliveryTimestamp;
        var seconds = Measure.Seconds(rig.Time, stats.FirstActivityTimestamp, end);
        var uplink = UplinkSummary.Of(stats, end, rig.Time, profile);
        var (up, down, connections, cutCount) = (stats.BytesUp, stats.BytesDown, stats.Connections, stats.Cuts);
        // The pull runs alongside the push, so what a round pushes is settled by the next round's pull (the hub
        // no longer sends a node its own entries back, only the cursor past them): wait for one more round.
        var rounds = drained.GetProperty("rounds").GetInt64();
        await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt64() > rounds && s.GetProperty("link").GetString() == "online", timeout ?? TimeSpan.FromMinutes(20));
        var (rows, distinct) = rig.HubLogCounts();
        return new SyncMeasurement(seconds, up, down, connections, cutCount, rows, distinct, LowerBound.Seconds(profile, up, down), stats.BytesUp, stats.BytesDown)
        {
            Uplink = uplink,
        };
    }
}

/// <summary>
/// What a sync moved and how long it took until the hub held the whole backlog; <see cref="LowerBoundSeconds"/> is what
/// the link could not beat. Totals also count the node's own entries coming back on the pull that follows.
/// </summary>
internal sealed record SyncMeasurement(
    double Seconds,
    long BytesUp,
    long BytesDown,
    int Connections,
    int Cuts,
    long HubLogRows,
    long HubLogDistinct,
    double LowerBoundSeconds,
    long TotalBytesUp,
    long TotalBytesDown)
{
    public double Ratio => Seconds / LowerBoundSeconds;

    /// <summary>Where the uplink stood idle during the run, and the rate it gave while busy.</summary>
    public UplinkSummary? Uplink { get; init; }
}

/// <summary>
/// The physical lower bound of a sync over a link: every wire byte at the link's rate in its direction,
/// plus two round trips that no protocol avoids (TCP connect, and one request answered).
/// </summary>
internal static class LowerBound
{
    public static double Seconds(LinkProfile profile, long up, long down) =>
        profile.TransferSeconds(up, down) + (2 * profile.RoundTrip.TotalSeconds);
}
