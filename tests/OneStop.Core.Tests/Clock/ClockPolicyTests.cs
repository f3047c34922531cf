using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Clock;

public sealed class ClockPolicyTests
{
    private const long Hub = 1_700_000_000_000;

    [Theory]
    [InlineData(0, 1000, false)]
    [InlineData(1000, 1000, false)]
    [InlineData(-1000, 1000, false)]
    [InlineData(1001, 1000, true)]
    [InlineData(-1001, 1000, true)]
    [InlineData(long.MinValue, 1000, true)]
    public void IsClockSuspect_Offset_ComparedToBoundBothWays(long offset, long bound, bool expected)
    {
        Assert.Equal(expected, ClockPolicy.IsClockSuspect(offset, bound));
    }

    [Fact]
    public void OffsetMs_NodeAhead_Positive()
    {
        Assert.Equal(86_400_000, ClockPolicy.OffsetMs(Hub + 86_400_000, Hub));
    }

    [Fact]
    public void Clamp_TimestampWithinBound_Unchanged()
    {
        var timestamp = new HlcTimestamp(Hub + 60_000, 3, "a");

        var result = ClockPolicy.Clamp(timestamp, Hub, ClockPolicy.DefaultMaxAheadMs);

        Assert.Equal(new ClampedTimestamp(timestamp, false), result);
    }

    [Fact]
    public void Clamp_TimestampOneDayAhead_PulledToBoundAndFlagged()
    {
        var timestamp = new HlcTimestamp(Hub + 86_400_000, 3, "a");

        var result = ClockPolicy.Clamp(timestamp, Hub, 300_000);

        Assert.True(result.Clamped);
        Assert.Equal(new HlcTimestamp(Hub + 300_000, 3, "a"), result.Timestamp);
    }

    [Fact]
    public void Clamp_TimestampBehindHub_Unchanged()
    {
        var timestamp = new HlcTimestamp(Hub - 86_400_000, 0, "a");

        Assert.False(ClockPolicy.Clamp(timestamp, Hub, 0).Clamped);
    }

    [Fact]
    public void AcceptedUntilMs_HugeHubTime_DoesNotOverflow()
    {
        Assert.Equal(long.MaxValue, ClockPolicy.AcceptedUntilMs(long.MaxValue - 5, 10));
    }

    [Fact]
    public void Successor_CounterFull_BorrowsNextMillisecond()
    {
        Assert.Equal(new HlcTimestamp(11, 0, "a"), ClockPolicy.Successor(new HlcTimestamp(10, HlcTimestamp.MaxCounter, "a")));
        Assert.Equal(new HlcTimestamp(10, 5, "a"), ClockPolicy.Successor(new HlcTimestamp(10, 4, "a")));
    }
}
