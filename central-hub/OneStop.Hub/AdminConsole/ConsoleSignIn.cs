using Microsoft.AspNetCore.Identity;
using OneStop.Core.Accounts;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>Checks a province account's password with the lockout rule, and notes each attempt in the audit.</summary>
public sealed class ConsoleSignIn(ConsoleAccountStore accounts, ConsoleAuditLog audit, TimeProvider time) : IConsoleSignIn
{
    // Verified against when the user name is unknown, so a missing account takes as long as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<string>().HashPassword("decoy", Guid.NewGuid().ToString());

    public async Task<ConsoleSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<string>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var account = await accounts.GetAsync(userName, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword("decoy", DecoyHash, password);
            await audit.AppendAsync(userName, "console.signin_failed", userName, "unknown user", cancellationToken);
            return new ConsoleSignInResult(ConsoleSignInOutcome.WrongCredentials);
        }

        if (account.Lockout.IsLocked(now))
        {
            await audit.AppendAsync(account.UserName, "console.signin_failed", account.UserName, "locked", cancellationToken);
            return new ConsoleSignInResult(ConsoleSignInOutcome.LockedOut);
        }

        var verified = hasher.VerifyHashedPassword(account.UserName, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!verified || account.Disabled)
        {
            var lockout = SignInLockout.AfterFailure(account.Lockout, now);
            await accounts.SetLockoutAsync(account.UserName, lockout, cancellationToken);
            var locked = lockout.IsLocked(now);
            await audit.AppendAsync(account.UserName, locked ? "console.locked" : "console.signin_failed", account.UserName, account.Disabled ? "disabled" : "wrong password", cancellationToken);
            return new ConsoleSignInResult(locked ? ConsoleSignInOutcome.LockedOut : ConsoleSignInOutcome.WrongCredentials);
        }

        if (account.Lockout != LockoutState.Clear)
        {
            await accounts.SetLockoutAsync(account.UserName, LockoutState.Clear, cancellationToken);
        }

        await audit.AppendAsync(account.UserName, "console.signin", account.UserName, null, cancellationToken);
        return new ConsoleSignInResult(ConsoleSignInOutcome.SignedIn, account.UserName, account.DisplayName, account.Role);
    }
}
