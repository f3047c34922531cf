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
/// The counts are kept in edge.db (<see cref="DeskLockoutStore"/>), written through on every change and read back at
/// the first sign-in after a start, so a restart does not clear them. Without a store (unit tests) they live in memory.
/// </remarks>
public sealed class EdgeDeskSignIn(IDeskAccounts accounts, EdgeAuditLog audit, TimeProvider time, DeskLockoutStore? lockouts = null) : IDeskSignIn
{
    /// <summary>Wrong passwords from one address, whatever the names, before it is locked: 20 (a shared office machine mistypes too).</summary>
    public const int MaxFailuresPerAddress = 4 * SignInLockout.DefaultMaxFailures;

    private readonly Dictionary<string, LockoutState> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LockoutState> _addresses = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _stored = new(1, 1);
    private volatile bool _loaded;

    public async Task<DeskSignInResult> SignInAsync(string userName, string password, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var subject = "account:" + userName;
        var address = clientAddress ?? "-";
        await LoadAsync(cancellationToken);
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

            await StoreAsync(userName, address, cancellationToken);
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

        await StoreAsync(userName, null, cancellationToken);
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
    public async Task UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        lock (_gate)
        {
            _accounts.Remove(userName);
        }

        await StoreAsync(userName, null, cancellationToken);
    }

    /// <summary>Reads the stored counts once per process, before the first decision that needs them.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded || lockouts is null)
        {
            return;
        }

        await _stored.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var (kind, name, state) in await lockouts.ReadAllAsync(cancellationToken))
                {
                    lock (_gate)
                    {
                        (kind == DeskLockoutStore.Account ? _accounts : _addresses)[name] = state;
                    }
                }

                _loaded = true;
            }
        }
        finally
        {
            _stored.Release();
        }
    }

    // Writes the current states, not the ones a caller computed: two sign-ins racing store the later count last.
    private async Task StoreAsync(string userName, string? address, CancellationToken cancellationToken)
    {
        if (lockouts is null)
        {
            return;
        }

        await _stored.WaitAsync(cancellationToken);
        try
        {
            var states = new List<(string, string, LockoutState)>();
            lock (_gate)
            {
                states.Add((DeskLockoutStore.Account, userName, Get(_accounts, userName)));
                if (address is not null)
                {
                    states.Add((DeskLockoutStore.Address, address, Get(_addresses, address)));
                }
            }

            await lockouts.SaveAsync(states, cancellationToken);
        }
        finally
        {
            _stored.Release();
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
