using OneStop.Core.Changes;

namespace OneStop.Core.Tests.Changes;

/// <summary>When the next round starts: configured interval, idle backoff, quick retry after a failure.</summary>
public sealed class SyncCadenceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan IdleCap = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan OfflineRetry = TimeSpan.FromSeconds(8);

    [Fact]
    public void NextPause_RoundMovedSomething_ConfiguredInterval() =>
        Assert.Equal(Interval, SyncCadence.NextPause(Interval, IdleCap, OfflineRetry, 0, failed: false));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(1000, 1800)]
    public void NextPause_IdleRounds_DoublesUpToTheCap(int idleRounds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SyncCadence.NextPause(Interval, IdleCap, OfflineRetry, idleRounds, failed: false));

    [Fact]
    public void NextPause_FailedAfterALongIdleStretch_RetriesWithinTheOfflineBound() =>
        Assert.Equal(OfflineRetry, SyncCadence.NextPause(Interval, IdleCap, OfflineRetry, 40, failed: true));

    [Fact]
    public void NextPause_FailedWithAShortInterval_KeepsTheInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(1), SyncCadence.NextPause(TimeSpan.FromSeconds(1), IdleCap, OfflineRetry, 0, failed: true));

    [Fact]
    public void NextPause_CapNotAboveInterval_NoBackoff() =>
        Assert.Equal(TimeSpan.FromHours(1), SyncCadence.NextPause(TimeSpan.FromHours(1), IdleCap, OfflineRetry, 7, failed: false));

    [Fact]
    public void NextPause_IdleDay_RoundsBoundedByTheCap()
    {
        // 100 KB a day at about 1.4 KB a round (bench: idle-day) allows some 70 rounds: 15+30+…+960 s, then every 30 min.
        var (elapsed, rounds) = (TimeSpan.Zero, 0);
        while (elapsed < TimeSpan.FromDays(1))
        {
            elapsed += SyncCadence.NextPause(Interval, IdleCap, OfflineRetry, rounds, failed: false);
            rounds++;
        }

        Assert.InRange(rounds, 47, 55);
    }
}
