namespace OneStop.Ui.Ports;

/// <summary>
/// The sign-in door with its protection: the password check (<see cref="IDeskAccounts"/>), the lockout with
/// back-off per account and per client address, and the audit of every attempt and sign-out.
/// </summary>
public interface IDeskSignIn
{
    Task<DeskSignInResult> SignInAsync(string userName, string password, string? clientAddress, CancellationToken cancellationToken = default);

    Task SignedOutAsync(string userName, CancellationToken cancellationToken = default);
}

public enum DeskSignInOutcome
{
    SignedIn,

    /// <summary>Unknown name or wrong password: the same answer for both.</summary>
    WrongCredentials,

    /// <summary>Too many wrong passwords for this account or from this address: try again after <see cref="DeskSignInResult.MinutesLeft"/>.</summary>
    LockedOut,
}

public sealed record DeskSignInResult(DeskSignInOutcome Outcome, DeskAccount? Account = null, int MinutesLeft = 0);
