using System.Security.Claims;
using System.Text.Json;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Hub.Accounts;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The accounts page's door to commune accounts: the same writer as <c>PUT /api/accounts</c>, so an account
/// made here is a record the commune's nodes pull and check offline; only province admins change, and each
/// change lands in the audit with who made it.
/// </summary>
public sealed class ConsoleStaffAccounts(HubStore store, StaffAccountWriter writer, ConsoleAuditLog audit) : IConsoleStaffAccounts
{
    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(RecordTypes.StaffAccount, null, 100_000, cancellationToken);
        return [.. records.Select(ToView).OrderBy(a => a.CommuneCode, StringComparer.Ordinal).ThenBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<ConsoleResult> CreateAsync(ClaimsPrincipal actor, NewStaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Refuse(actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            return ConsoleResult.Refused("accounts.error.name");
        }

        if (await writer.ExistsAsync(account.CommuneCode, account.UserName, cancellationToken))
        {
            return ConsoleResult.Refused("accounts.error.exists");
        }

        // Checked here too: the writer would take a short password for an existing account as "unchanged".
        if (account.Password.Length < StaffAccountWriter.MinPasswordLength)
        {
            return ConsoleResult.Refused("accounts.error.password");
        }

        return await WriteAsync(actor, "account.create", account.CommuneCode, account.UserName, account.Role,
            new StaffAccountChange(account.DisplayName, account.Role, account.Password, false), cancellationToken);
    }

    public async Task<ConsoleResult> ResetPasswordAsync(ClaimsPrincipal actor, string communeCode, string userName, string newPassword, CancellationToken cancellationToken)
    {
        if (Refuse(actor) is { } refused)
        {
            return refused;
        }

        if (newPassword.Length < StaffAccountWriter.MinPasswordLength)
        {
            return ConsoleResult.Refused("accounts.error.password");
        }

        return await writer.ExistsAsync(communeCode, userName, cancellationToken)
            ? await WriteAsync(actor, "account.reset", communeCode, userName, null, new StaffAccountChange(null, null, newPassword, null), cancellationToken)
            : ConsoleResult.Refused("accounts.error.missing");
    }

    public async Task<ConsoleResult> SetDisabledAsync(ClaimsPrincipal actor, string communeCode, string userName, bool disabled, CancellationToken cancellationToken)
    {
        if (Refuse(actor) is { } refused)
        {
            return refused;
        }

        return await writer.ExistsAsync(communeCode, userName, cancellationToken)
            ? await WriteAsync(actor, disabled ? "account.disable" : "account.enable", communeCode, userName, null, new StaffAccountChange(null, null, null, disabled), cancellationToken)
            : ConsoleResult.Refused("accounts.error.missing");
    }

    private static ConsoleResult? Refuse(ClaimsPrincipal actor) =>
        actor.IsInRole(ConsoleRoles.Admin) ? null : ConsoleResult.Refused("accounts.error.forbidden");

    private async Task<ConsoleResult> WriteAsync(ClaimsPrincipal actor, string action, string communeCode, string userName, string? detail, StaffAccountChange change, CancellationToken cancellationToken)
    {
        var refusal = await writer.WriteAsync(communeCode, userName, change, cancellationToken);
        if (refusal is { } why)
        {
            return ConsoleResult.Refused(why switch
            {
                StaffAccountRefusal.CommuneCode => "accounts.error.commune",
                StaffAccountRefusal.UserName => "accounts.error.user",
                StaffAccountRefusal.Role => "accounts.error.role",
                _ => "accounts.error.password",
            });
        }

        await audit.AppendAsync(actor.Identity?.Name ?? "?", action, $"{communeCode}/{userName}", detail, cancellationToken);
        return ConsoleResult.Ok;
    }

    private static StaffAccountView ToView(Storage.RecordData record)
    {
        using var json = JsonDocument.Parse(record.DataJson);
        var data = json.RootElement;
        return new StaffAccountView(
            record.Scope,
            Text(data, StaffAccountFields.UserName),
            Text(data, StaffAccountFields.DisplayName),
            Text(data, StaffAccountFields.Role),
            data.TryGetProperty(StaffAccountFields.Disabled, out var disabled) && disabled.ValueKind == JsonValueKind.True);
    }

    private static string Text(JsonElement data, string field) =>
        data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
