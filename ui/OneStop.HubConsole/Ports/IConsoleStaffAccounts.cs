using System.Security.Claims;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// Commune accounts (volunteers, desk staff, commune admins) as records the hub sends to each commune's nodes.
/// Changes take the signed-in console user, who must be a province admin; each is recorded in the audit.
/// </summary>
public interface IConsoleStaffAccounts
{
    Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken cancellationToken);

    Task<ConsoleResult> CreateAsync(ClaimsPrincipal actor, NewStaffAccount account, CancellationToken cancellationToken);

    Task<ConsoleResult> ResetPasswordAsync(ClaimsPrincipal actor, string communeCode, string userName, string newPassword, CancellationToken cancellationToken);

    Task<ConsoleResult> SetDisabledAsync(ClaimsPrincipal actor, string communeCode, string userName, bool disabled, CancellationToken cancellationToken);
}

public sealed record StaffAccountView(string CommuneCode, string UserName, string DisplayName, string Role, bool Disabled);

public sealed record NewStaffAccount(string CommuneCode, string UserName, string DisplayName, string Role, string Password);

/// <summary>The outcome of a change: ok, or the localisation key of why not (the screen says it in the user's language).</summary>
public sealed record ConsoleResult(string? ErrorKey)
{
    public static ConsoleResult Ok { get; } = new((string?)null);

    public bool Succeeded => ErrorKey is null;

    public static ConsoleResult Refused(string errorKey) => new(errorKey);
}
