using OneStop.Core.Accounts;
using OneStop.Core.Audit;
using OneStop.Edge.Audit;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>
/// Sign-in at the desk with the lockout of <see cref="SignInLockout"/> (the hub console's rule) per account and,
/// more loosely, per client address, so one machine cannot try a password against every name. Every attempt
/// and every sign-out goes to the audit log.
/// </summary>
/// <remarks>
/// The counts live in memory: a restart clears them, and restarting the box needs the office's key to it.
/// </remarks>
public sealed class EdgeDeskSignIn(IDeskAccounts accounts, EdgeAuditLog audit, TimeProvider time) : IDeskSignIn
{
    /// <summary>Wrong passwords from one address, whatever the names, before it is locked: 20 (a shared office machine mistypes too).</summary>
    public const int MaxFailuresPerAddress = 4 * SignInLockout.DefaultMaxFailures;

    private readonly Dictionary<string, LockoutState> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LockoutState> _addresses = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<DeskSignInResult> SignInAsync(string userName, string password, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var subject = "account:" + userName;
        var address = clientAddress ?? "-";
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var lockedMinutes = MinutesLocked(userName, address, now);
        if (lockedMinutes > 0)
        {
            // Refused before the password is checked, so a locked account tells a guesser nothing.
            await audit.AppendAsync(userName, AuditActions.SignInFailed, subject, $"locked, {lockedMinutes} min left, from {address}", cancellationToken);
            return new DeskSignInResult(DeskSignInOutcome.LockedOut, MinutesLeft: lockedMinutes);
        }

        var account = await accounts.VerifyAsync(userName, password, cancellationToken);
        if (account is null)
        {
            lock (_gate)
            {
                _accounts[userName] = SignInLockout.AfterFailure(Get(_accounts, userName), now);
                _addresses[address] = SignInLockout.AfterFailure(Get(_addresses, address), now, MaxFailuresPerAddress);
            }

            lockedMinutes = MinutesLocked(userName, address, now);
            await audit.AppendAsync(userName, AuditActions.SignInFailed, subject, (lockedMinutes > 0 ? $"wrong password, locked {lockedMinutes} min" : "wrong password") + $", from {address}", cancellationToken);
            return lockedMinutes > 0
                ? new DeskSignInResult(DeskSignInOutcome.LockedOut, MinutesLeft: lockedMinutes)
                : new DeskSignInResult(DeskSignInOutcome.WrongCredentials);
        }

        lock (_gate)
        {
            _accounts.Remove(userName);
        }

        await audit.AppendAsync(account.UserName, AuditActions.SignedIn, "account:" + account.UserName, "from " + address, cancellationToken);
        return new DeskSignInResult(DeskSignInOutcome.SignedIn, account);
    }

    public Task SignedOutAsync(string userName, CancellationToken cancellationToken = default) =>
        audit.AppendAsync(userName, AuditActions.SignedOut, "account:" + userName, null, cancellationToken);

    /// <summary>The account's lockout now; for the admin's accounts page and for tests that check it without waiting.</summary>
    public LockoutState AccountState(string userName)
    {
        lock (_gate)
        {
            return Get(_accounts, userName);
        }
    }

    /// <summary>A commune admin's password reset ends the account's lockout: the person is at the desk, vouched for.</summary>
    public void Unlock(string userName)
    {
        lock (_gate)
        {
            _accounts.Remove(userName);
        }
    }

    private int MinutesLocked(string userName, string address, long now)
    {
        lock (_gate)
        {
            return Math.Max(SignInLockout.MinutesLeft(Get(_accounts, userName), now), SignInLockout.MinutesLeft(Get(_addresses, address), now));
        }
    }

    private static LockoutState Get(Dictionary<string, LockoutState> states, string key) =>
        states.TryGetValue(key, out var state) ? state : LockoutState.Clear;
}
