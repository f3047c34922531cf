using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Clock;

public sealed class HybridLogicalClockTests
{
    private const long Start = 1_700_000_000_000;

    [Fact]
    public void Now_PhysicalClockAdvances_TakesPhysicalTimeWithCounterZero()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start));
        var clock = new HybridLogicalClock(time, "a");
        clock.Now();
        time.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(new HlcTimestamp(Start + 5, 0, "a"), clock.Now());
    }

    [Fact]
    public void Now_PhysicalClockStandsStill_IncrementsCounter()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a");

        var first = clock.Now();
        var second = clock.Now();

        Assert.Equal(new HlcTimestamp(Start, 0, "a"), first);
        Assert.Equal(new HlcTimestamp(Start, 1, "a"), second);
    }

    [Fact]
    public void Now_PhysicalClockGoesBackwards_NeverGoesBackwards()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start));
        var clock = new HybridLogicalClock(time, "a");
        var before = clock.Now();
        time.AdjustTime(time.GetUtcNow().AddMilliseconds(-60_000));

        var after = clock.Now();

        Assert.True(after > before);
        Assert.Equal(Start, after.WallMs);
    }

    [Fact]
    public void Now_RestoredReadingAheadOfPhysical_StaysAfterRestored()
    {
        var restored = new HlcTimestamp(Start + 1000, 7, "a");
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a", restored);

        Assert.True(clock.Now() > restored);
    }

    [Fact]
    public void Observe_RemoteAhead_NextReadingIsAfterRemote()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a");
        var remote = new HlcTimestamp(Start + 500, 3, "z");

        clock.Observe(remote);
        var next = clock.Now();

        Assert.Equal(new HlcTimestamp(Start + 500, 5, "a"), next);
        Assert.True(next > remote);
    }

    [Fact]
    public void Observe_RemoteSameWallHigherCounter_CounterGoesPastRemote()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a");
        clock.Now();

        clock.Observe(new HlcTimestamp(Start, 9, "b"));

        Assert.Equal(new HlcTimestamp(Start, 10, "a"), clock.Last);
    }

    [Fact]
    public void Observe_RemoteBehindPhysical_TakesPhysicalTime()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a");

        clock.Observe(new HlcTimestamp(Start - 10, 4, "b"));

        Assert.Equal(new HlcTimestamp(Start, 0, "a"), clock.Last);
    }

    [Fact]
    public void Now_CounterFull_BorrowsNextMillisecondInsteadOfOverflowing()
    {
        var restored = new HlcTimestamp(Start, HlcTimestamp.MaxCounter, "a");
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a", restored);

        var next = clock.Now();

        Assert.Equal(new HlcTimestamp(Start + 1, 0, "a"), next);
        Assert.True(next > restored);
    }

    [Fact]
    public void Observe_RemoteCounterBeyondMax_BorrowsNextMillisecond()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a");
        var remote = new HlcTimestamp(Start, int.MaxValue, "b");

        clock.Observe(remote);
        var next = clock.Now();

        Assert.True(next > remote);
        Assert.True(next.Counter <= HlcTimestamp.MaxCounter);
    }

    [Fact]
    public void Now_ManyReadingsInOneMillisecond_StrictlyIncreasing()
    {
        var clock = new HybridLogicalClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start)), "a", new HlcTimestamp(Start, HlcTimestamp.MaxCounter - 3, "a"));
        var previous = clock.Last;
        for (var i = 0; i < 10; i++)
        {
            var next = clock.Now();
            Assert.True(next > previous);
            previous = next;
        }
    }
}
