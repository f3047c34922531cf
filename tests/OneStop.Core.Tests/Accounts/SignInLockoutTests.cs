using OneStop.Core.Accounts;

namespace OneStop.Core.Tests.Accounts;

public sealed class SignInLockoutTests
{
    private const long Now = 1_780_000_000_000;

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
        Assert.True(state.IsLocked(Now + 10 + (15 * 60 * 1000) - 1));
        Assert.False(state.IsLocked(Now + 10 + (15 * 60 * 1000)));
    }

    [Fact]
    public void AfterFailure_OnceTheLockRanOut_CountStartsAgain()
    {
        var locked = new LockoutState(0, Now);

        var next = SignInLockout.AfterFailure(locked, Now + 1);

        Assert.Equal(new LockoutState(1, null), next);
    }
}
