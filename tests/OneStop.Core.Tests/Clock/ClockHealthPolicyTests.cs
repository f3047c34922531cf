using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Clock;

public sealed class ClockHealthPolicyTests
{
    // 2026-12-01T03:00:00Z, written out so the expected dates below do not come from the code under test.
    private static readonly DateTimeOffset RealNow = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly long Real = RealNow.ToUnixTimeMilliseconds();
    private const long Day = 86_400_000;
    private const long Minute = 60_000;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static ClockAssessment Assess(ClockEvidence evidence) =>
        ClockHealthPolicy.Assess(evidence, ClockHealthPolicy.DefaultBehindToleranceMs, ClockPolicy.DefaultSuspectOffsetMs);

    [Fact]
    public void Assess_WallThreeDaysBehindNewestKnown_SuspectAndNeedsConfirmation()
    {
        var assessment = Assess(new ClockEvidence(Real - (3 * Day), Real));

        Assert.True(assessment.Suspect);
        Assert.Equal(ClockSuspicion.BehindNewestKnown, assessment.Reason);
        Assert.True(assessment.ConfirmationRequired);
        Assert.Equal(Real, assessment.BestEstimateMs);
        Assert.Equal(-3 * Day, assessment.WallErrorMs);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(5 * Minute, false)]
    [InlineData((5 * Minute) + 1, true)]
    [InlineData(-Day, false)]
    public void Assess_WallBehindNewestKnownBy_SuspectOnlyPastTolerance(long behindMs, bool expected)
    {
        Assert.Equal(expected, Assess(new ClockEvidence(Real - behindMs, Real)).Suspect);
    }

    [Fact]
    public void Assess_LiveHubFix_LegalTimeIsHubTimeWithoutConfirmation()
    {
        var assessment = Assess(new ClockEvidence(Real - (3 * Day), Real - (4 * Day), HubNowMs: Real));

        Assert.True(assessment.Suspect);
        Assert.Equal(ClockSuspicion.HubMeasuredOff, assessment.Reason);
        Assert.Equal(LegalTimeSource.Hub, assessment.Source);
        Assert.False(assessment.ConfirmationRequired);
        Assert.Equal(Real, assessment.BestEstimateMs);
    }

    [Fact]
    public void Assess_WallAheadTwoDaysWithHub_SuspectHubTimeWins()
    {
        var assessment = Assess(new ClockEvidence(Real + (2 * Day), Real + (2 * Day), HubNowMs: Real));

        Assert.True(assessment.Suspect);
        Assert.Equal(2 * Day, assessment.WallErrorMs);
        Assert.Equal(Real, assessment.BestEstimateMs);
    }

    [Fact]
    public void Assess_HubAgreesThoughNewestKnownAhead_NotSuspect()
    {
        // A clock that ran ahead left the hybrid clock in the future; once the hub vouches for the wall it is trusted.
        Assert.False(Assess(new ClockEvidence(Real, Real + Day, HubNowMs: Real + 500)).Suspect);
    }

    [Fact]
    public void Assess_RememberedHubOffsetOff_SuspectEstimateCorrectedByOffset()
    {
        var assessment = Assess(new ClockEvidence(Real - (3 * Day), 0, LastHubOffsetMs: -3 * Day));

        Assert.True(assessment.ConfirmationRequired);
        Assert.Equal(ClockSuspicion.HubMeasuredOff, assessment.Reason);
        Assert.Equal(Real, assessment.BestEstimateMs);
    }

    [Fact]
    public void Assess_TrustedRtcWithoutHub_RtcTimeWithoutConfirmation()
    {
        var assessment = Assess(new ClockEvidence(Real - (3 * Day), Real, RtcNowMs: Real + 1000));

        Assert.True(assessment.Suspect);
        Assert.Equal(ClockSuspicion.RtcDisagrees, assessment.Reason);
        Assert.Equal(LegalTimeSource.Rtc, assessment.Source);
        Assert.False(assessment.ConfirmationRequired);
    }

    [Fact]
    public void LegalMoment_ConfirmationRequiredWithoutDate_Null()
    {
        Assert.Null(ClockHealthPolicy.LegalMoment(Assess(new ClockEvidence(Real - (3 * Day), Real)), null, Vietnam));
    }

    [Fact]
    public void LegalMoment_ConfirmedDate_ThatDateAtEstimatesTimeOfDay()
    {
        var moment = ClockHealthPolicy.LegalMoment(Assess(new ClockEvidence(Real - (3 * Day), Real)), new DateOnly(2026, 12, 2), Vietnam);

        // 03:00Z is 10:00 in Vietnam.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, Vietnam), moment);
    }

    [Fact]
    public void LegalMoment_TrustedHubTime_ConfirmationIgnored()
    {
        var moment = ClockHealthPolicy.LegalMoment(Assess(new ClockEvidence(Real - (3 * Day), 0, HubNowMs: Real)), new DateOnly(2020, 1, 1), Vietnam);

        Assert.Equal(RealNow, moment);
    }

    [Fact]
    public void BestEstimateMs_NewestKnownLaterThanCorrectedWall_NewestKnown()
    {
        Assert.Equal(Real, ClockHealthPolicy.BestEstimateMs(Real - Day, Real, lastHubOffsetMs: Minute));
    }
}
