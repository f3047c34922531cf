namespace OneStop.Core.Accounts;

/// <summary>An account's record of failed sign-ins: how many in a row, and until when it is locked.</summary>
public readonly record struct LockoutState(int FailedInARow, long? LockedUntilMs)
{
    public static LockoutState Clear { get; } = new(0, null);

    public bool IsLocked(long nowMs) => LockedUntilMs is { } until && nowMs < until;
}

/// <summary>
/// Locks an account after repeated wrong passwords, for a while rather than for good: guessing slows to a
/// handful of tries per quarter hour, and a forgetful admin is not locked out until someone resets them.
/// </summary>
public static class SignInLockout
{
    /// <summary>Wrong passwords in a row before the account locks: 5.</summary>
    public const int DefaultMaxFailures = 5;

    /// <summary>How long the account stays locked: 15 minutes.</summary>
    public const long DefaultLockMs = 15 * 60 * 1000;

    /// <summary>The state after a wrong password at <paramref name="nowMs"/>.</summary>
    public static LockoutState AfterFailure(LockoutState state, long nowMs, int maxFailures = DefaultMaxFailures, long lockMs = DefaultLockMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);

        // A lock that ran out starts a fresh count: the next run of failures earns the next lock.
        var failed = (state.LockedUntilMs is { } until && nowMs >= until ? 0 : state.FailedInARow) + 1;
        return failed >= maxFailures ? new LockoutState(0, nowMs + lockMs) : new LockoutState(failed, state.IsLocked(nowMs) ? state.LockedUntilMs : null);
    }
}
