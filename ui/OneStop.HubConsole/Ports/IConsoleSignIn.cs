namespace OneStop.HubConsole.Ports;

/// <summary>Checks a province account's password (and its lockout); the hub keeps the accounts.</summary>
public interface IConsoleSignIn
{
    Task<ConsoleSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken);
}

public enum ConsoleSignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed record ConsoleSignInResult(ConsoleSignInOutcome Outcome, string? UserName = null, string? DisplayName = null, string? Role = null);
