namespace OneStop.Core.Clock;

/// <summary>
/// Whether a node's wall clock can stamp legal dates (receipt, due date, payment, result), and if not, the best
/// estimate a clerk confirms. A Raspberry Pi has no battery-backed clock: after a power cut without network it
/// boots with the time of its last shutdown, possibly days behind, and nothing else would notice.
/// </summary>
public static class ClockHealthPolicy
{
    /// <summary>Default tolerance of a wall clock behind the newest known time: 5 minutes (NTP steps and hub latency stay well inside).</summary>
    public const long DefaultBehindToleranceMs = 5 * 60 * 1000;

    /// <summary>
    /// Trust order: the hub's time learnt in this run, then a real-time clock module that never stopped, then the
    /// wall clock when nothing contradicts it. Without any of them the best estimate is the later of the wall clock
    /// (corrected by the hub's last measured offset, when there was one) and the newest known time, and a person
    /// confirms the date.
    /// </summary>
    public static ClockAssessment Assess(ClockEvidence evidence, long behindToleranceMs, long offsetBoundMs)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentOutOfRangeException.ThrowIfNegative(behindToleranceMs);
        ArgumentOutOfRangeException.ThrowIfNegative(offsetBoundMs);
        var wall = evidence.WallMs;

        if (evidence.HubNowMs is { } hub)
        {
            var offset = ClockPolicy.OffsetMs(wall, hub);
            return ClockPolicy.IsClockSuspect(offset, offsetBoundMs)
                ? new ClockAssessment(true, ClockSuspicion.HubMeasuredOff, offset, hub, LegalTimeSource.Hub)
                : new ClockAssessment(false, ClockSuspicion.None, offset, hub, LegalTimeSource.Hub);
        }

        if (evidence.RtcNowMs is { } rtc)
        {
            var offset = ClockPolicy.OffsetMs(wall, rtc);
            return ClockPolicy.IsClockSuspect(offset, offsetBoundMs)
                ? new ClockAssessment(true, ClockSuspicion.RtcDisagrees, offset, rtc, LegalTimeSource.Rtc)
                : new ClockAssessment(false, ClockSuspicion.None, offset, rtc, LegalTimeSource.Rtc);
        }

        var behind = BehindMs(wall, evidence.NewestKnownMs);
        var hubSaidOff = evidence.LastHubOffsetMs is { } last && ClockPolicy.IsClockSuspect(last, offsetBoundMs);
        if (behind <= behindToleranceMs && !hubSaidOff)
        {
            return new ClockAssessment(false, ClockSuspicion.None, 0, wall, LegalTimeSource.Wall);
        }

        var estimate = BestEstimateMs(wall, evidence.NewestKnownMs, hubSaidOff ? evidence.LastHubOffsetMs : null);
        var reason = behind > behindToleranceMs ? ClockSuspicion.BehindNewestKnown : ClockSuspicion.HubMeasuredOff;
        return new ClockAssessment(true, reason, ClockPolicy.OffsetMs(wall, estimate), estimate, LegalTimeSource.Estimate);
    }

    /// <summary>How far the wall clock is behind the newest known time (0 when it is not behind).</summary>
    public static long BehindMs(long wallMs, long newestKnownMs) =>
        newestKnownMs > wallMs ? ClockPolicy.OffsetMs(newestKnownMs, wallMs) : 0;

    /// <summary>The later of the wall clock corrected by the hub's last offset (node minus hub) and the newest known time.</summary>
    public static long BestEstimateMs(long wallMs, long newestKnownMs, long? lastHubOffsetMs)
    {
        var corrected = lastHubOffsetMs is { } offset ? ClockPolicy.OffsetMs(wallMs, offset) : wallMs;
        return Math.Max(corrected, newestKnownMs);
    }

    /// <summary>
    /// The moment a legal date is stamped with: the best estimate when it is trusted; otherwise the date a person
    /// confirmed, at the estimate's time of day in <paramref name="zone"/>; null (refuse the write) when confirmation
    /// is required and none was given. A confirmation given while none is required is ignored: trusted time wins.
    /// </summary>
    public static DateTimeOffset? LegalMoment(ClockAssessment assessment, DateOnly? confirmedDate, TimeSpan zone)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var estimate = DateTimeOffset.FromUnixTimeMilliseconds(assessment.BestEstimateMs).ToOffset(zone);
        if (!assessment.ConfirmationRequired)
        {
            return estimate;
        }

        return confirmedDate is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(estimate.TimeOfDay)), zone)
            : null;
    }
}
