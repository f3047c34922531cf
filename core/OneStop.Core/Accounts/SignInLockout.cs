namespace OneStop.Core.Accounts;

/// <summary>An account's record of failed sign-ins: how many in a row, and until when it is locked.</summary>
public readonly record struct LockoutState(int FailedInARow, long? LockedUntilMs)
{
    public static LockoutState Clear { get; } = new(0, null);

    public bool IsLocked(long nowMs) => LockedUntilMs is { } until && nowMs < until;
}

/// <summary>
/// Locks an account after repeated wrong passwords, for a while rather than for good, and for longer each
/// time: after the first lock runs out every further wrong password locks again for twice as long, up to a
/// ceiling. Guessing slows to a handful of tries a day, and a forgetful admin is not locked out for good.
/// A right password clears the count (the caller stores <see cref="LockoutState.Clear"/>).
/// </summary>
public static class SignInLockout
{
    /// <summary>Wrong passwords in a row before the account locks: 5.</summary>
    public const int DefaultMaxFailures = 5;

    /// <summary>How long the first lock lasts: 15 minutes. Each later one doubles it.</summary>
    public const long DefaultLockMs = 15 * 60 * 1000;

    /// <summary>The longest a lock grows to: 4 hours, so a commune office can still work the same day.</summary>
    public const long DefaultMaxLockMs = 4 * 60 * 60 * 1000;

    /// <summary>The state after a wrong password at <paramref name="nowMs"/>.</summary>
    public static LockoutState AfterFailure(LockoutState state, long nowMs, int maxFailures = DefaultMaxFailures, long lockMs = DefaultLockMs, long maxLockMs = DefaultMaxLockMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);

        // A try while locked is refused before the password is checked, so it does not count here; the count
        // keeps growing across locks, and each failure past the threshold earns the next, longer lock.
        if (state.IsLocked(nowMs))
        {
            return state;
        }

        var failed = state.FailedInARow + 1;
        return failed >= maxFailures
            ? new LockoutState(failed, nowMs + LockLengthMs(failed - maxFailures, lockMs, maxLockMs))
            : new LockoutState(failed, null);
    }

    /// <summary>How long the lock earned by the <paramref name="lockIndex"/>-th failure past the threshold lasts (0 is the first).</summary>
    public static long LockLengthMs(int lockIndex, long lockMs = DefaultLockMs, long maxLockMs = DefaultMaxLockMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lockIndex);
        var length = lockMs;
        for (var i = 0; i < lockIndex && length < maxLockMs; i++)
        {
            length *= 2;
        }

        return Math.Min(length, maxLockMs);
    }

    /// <summary>Whole minutes left on the lock, rounded up, for a message to a person; 0 when not locked.</summary>
    public static int MinutesLeft(LockoutState state, long nowMs) =>
        state.LockedUntilMs is { } until && nowMs < until ? (int)((until - nowMs + 59_999) / 60_000) : 0;
}
