using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Edge.Accounts;
using OneStop.Edge.Audit;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The accounts page's door to the commune's accounts; the commune admin only.</summary>
public sealed class EdgeDeskStaffAccounts(EdgeStaffAccountWriter writer, AuthenticationStateProvider authentication, Audit.EdgeAuditLog? audit = null, EdgeDeskSignIn? signIn = null) : IDeskStaffAccounts
{
    public async Task<IReadOnlyList<DeskStaffAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ManageAccounts);
        return [.. (await writer.ListAsync(cancellationToken)).Select(a => new DeskStaffAccount(a.UserName, a.DisplayName, a.Role, a.Disabled))];
    }

    public async Task<string?> CreateAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ManageAccounts);
        var refused = Key(await writer.CreateAsync(userName.Trim(), displayName, role, password, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Admin, "account:" + userName.Trim(), refused is null ? "created " + role : "create refused " + refused, cancellationToken);
        return refused;
    }

    public async Task<string?> ResetPasswordAsync(string userName, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ManageAccounts);
        var refused = Key(await writer.SetPasswordAsync(userName, newPassword, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Admin, "account:" + userName, refused is null ? "password reset" : "password reset refused " + refused, cancellationToken);
        if (refused is null && signIn is not null)
        {
            await signIn.UnlockAsync(userName, cancellationToken);
        }

        return refused;
    }

    public async Task<string?> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ManageAccounts);
        if (disabled && string.Equals(user.Identity?.Name, userName, StringComparison.OrdinalIgnoreCase))
        {
            // The last admin locking themself out would need the province to undo it.
            return "accounts.error.self";
        }

        var refusal = Key(await writer.SetDisabledAsync(userName, disabled, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Admin, "account:" + userName, (disabled ? "disabled" : "enabled") + (refusal is null ? string.Empty : " refused " + refusal), cancellationToken);
        return refusal;
    }

    internal static string? Key(EdgeAccountRefusal? refusal) => refusal is { } why ? Key(why) : null;

    internal static string Key(EdgeAccountRefusal refusal) => refusal switch
    {
        EdgeAccountRefusal.UserName => "accounts.error.user",
        EdgeAccountRefusal.Role => "accounts.error.role",
        EdgeAccountRefusal.Exists => "accounts.error.exists",
        EdgeAccountRefusal.Missing => "accounts.error.missing",
        EdgeAccountRefusal.PasswordTooShort => "accounts.error.short",
        EdgeAccountRefusal.PasswordCommon => "accounts.error.common",
        _ => "accounts.error.name",
    };
}
