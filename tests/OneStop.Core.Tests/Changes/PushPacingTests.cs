using FsCheck.Xunit;
using OneStop.Core.Changes;

namespace OneStop.Core.Tests.Changes;

/// <summary>The push's shape from the measured link, and the one acknowledgement rule of every window.</summary>
public sealed class PushPacingTests
{
    private const int MaxBatchBytes = 256 * 1024;

    [Fact]
    public void Plan_NothingMeasured_NodeBoundsAsConfigured() =>
        Assert.Equal(new PushPlan(MaxBatchBytes, 4), PushPacing.Plan(LinkEstimate.Unknown, MaxBatchBytes, 4));

    [Fact]
    public void Plan_Rural3G_HalfASecondOfLinkPerBatchAndTheRoundTripCovered()
    {
        // L2: 150 ms; 200,000 bytes/s of encoded entries (about 64 KB/s on the wire at the measured compression).
        var plan = PushPacing.Plan(new LinkEstimate(0.15, 200_000), MaxBatchBytes, 8);

        Assert.Equal(100_000, plan.BatchBytes);
        // ceil((0.15 + 0.1) / 0.5) = 1 batch covers round trip and commit; one on the wire; one spare.
        Assert.Equal(3, plan.Window);
    }

    [Fact]
    public void Plan_Satellite_MoreInFlightThanOnTheSameRateWithAShortRoundTrip()
    {
        var vsat = PushPacing.Plan(new LinkEstimate(0.65, 200_000), MaxBatchBytes, 8);
        var terrestrial = PushPacing.Plan(new LinkEstimate(0.15, 200_000), MaxBatchBytes, 8);

        // ceil(0.75 / 0.5) + 2 = 4.
        Assert.Equal(4, vsat.Window);
        Assert.True(vsat.Window > terrestrial.Window);
        Assert.Equal(terrestrial.BatchBytes, vsat.BatchBytes);
    }

    [Fact]
    public void Plan_SlowLink_BatchNotBelowTheFloor() =>
        Assert.Equal(PushPacing.MinBatchBytes, PushPacing.Plan(new LinkEstimate(0.6, 20_000), MaxBatchBytes, 4).BatchBytes);

    [Fact]
    public void Plan_StopAndWaitConfigured_WindowStaysOne() =>
        Assert.Equal(1, PushPacing.Plan(new LinkEstimate(0.65, 200_000), MaxBatchBytes, 1).Window);

    [Property]
    public bool Plan_AnyMeasurement_WithinTheNodesBounds(double rtt, double goodput, int maxBytesSeed, int maxWindowSeed)
    {
        var maxBytes = 1024 + (Math.Abs(maxBytesSeed % (4 * 1024 * 1024)));
        var maxWindow = 1 + Math.Abs(maxWindowSeed % 16);
        if (double.IsNaN(rtt) || double.IsNaN(goodput) || double.IsInfinity(rtt))
        {
            return true;
        }

        var plan = PushPacing.Plan(new LinkEstimate(rtt, goodput), maxBytes, maxWindow);
        return plan.BatchBytes >= 1 && plan.BatchBytes <= maxBytes && plan.Window >= 1 && plan.Window <= maxWindow;
    }

    [Theory]
    [InlineData(40, 40, true)]
    [InlineData(60, 40, true)]
    [InlineData(39, 40, false)]
    public void Acknowledges_ReplyAgainstTheBatchsLastSeq(long acked, long lastSeq, bool expected) =>
        Assert.Equal(expected, PushPacing.Acknowledges(acked, lastSeq));
}
