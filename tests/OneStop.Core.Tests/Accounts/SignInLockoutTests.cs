using OneStop.Core.Accounts;

namespace OneStop.Core.Tests.Accounts;

public sealed class SignInLockoutTests
{
    private const long Now = 1_780_000_000_000;
    private const long Minute = 60 * 1000;

    [Fact]
    public void AfterFailure_FourInARow_NotLocked_FifthLocksForFifteenMinutes()
    {
        var state = LockoutState.Clear;
        for (var i = 1; i < SignInLockout.DefaultMaxFailures; i++)
        {
            state = SignInLockout.AfterFailure(state, Now + i);
            Assert.False(state.IsLocked(Now + i));
            Assert.Equal(i, state.FailedInARow);
        }

        state = SignInLockout.AfterFailure(state, Now + 10);

        Assert.True(state.IsLocked(Now + 10));
        Assert.True(state.IsLocked(Now + 10 + (15 * Minute) - 1));
        Assert.False(state.IsLocked(Now + 10 + (15 * Minute)));
    }

    [Fact]
    public void AfterFailure_EachFailureAfterALockRanOut_LocksTwiceAsLong()
    {
        var state = LockoutState.Clear;
        var now = Now;
        for (var i = 0; i < SignInLockout.DefaultMaxFailures; i++)
        {
            state = SignInLockout.AfterFailure(state, now);
        }

        // 15, 30, 60, 120, 240 minutes, then the 4-hour ceiling.
        long[] expectedMinutes = [15, 30, 60, 120, 240, 240];
        foreach (var minutes in expectedMinutes)
        {
            Assert.Equal(now + (minutes * Minute), state.LockedUntilMs);
            now = state.LockedUntilMs!.Value;
            state = SignInLockout.AfterFailure(state, now);
        }
    }

    [Fact]
    public void AfterFailure_WhileLocked_LockDoesNotMove()
    {
        var locked = new LockoutState(5, Now + (15 * Minute));

        Assert.Equal(locked, SignInLockout.AfterFailure(locked, Now + 1));
    }

    [Fact]
    public void AfterFailure_OldStateWithCountClearedAtLock_CountStartsAgain()
    {
        // Rows written before the back-off kept 0 failures beside the lock.
        var locked = new LockoutState(0, Now);

        var next = SignInLockout.AfterFailure(locked, Now + 1);

        Assert.Equal(new LockoutState(1, null), next);
    }

    [Theory]
    [InlineData(15 * Minute, 15)]
    [InlineData((14 * Minute) + 1, 15)]
    [InlineData(14 * Minute, 14)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void MinutesLeft_RoundsUp(long leftMs, int expected)
    {
        Assert.Equal(expected, SignInLockout.MinutesLeft(new LockoutState(5, Now + leftMs), Now));
    }
}
