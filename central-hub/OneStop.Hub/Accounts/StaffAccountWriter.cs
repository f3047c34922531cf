using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Hub.Store;

namespace OneStop.Hub.Accounts;

/// <summary>What a change to a commune account asks for; null leaves a field as it is.</summary>
public sealed record StaffAccountChange(string? DisplayName, string? Role, string? Password, bool? Disabled);

/// <summary>Why a change to a commune account was refused.</summary>
public enum StaffAccountRefusal
{
    CommuneCode,
    UserName,
    Role,
    NewNeedsRoleAndPassword,
    PasswordTooShort,

    /// <summary>Long enough but one of the passwords tried first (<see cref="PasswordRules"/>).</summary>
    PasswordCommon,
}

/// <summary>
/// Writes a commune account as a hub record that syncs to the commune's nodes: one door for the JSON API
/// and the console, so both check the same rules. The password is hashed here; only the hash travels,
/// and nodes check it offline.
/// </summary>
public sealed class StaffAccountWriter(HubStore store)
{
    public const int MinPasswordLength = PasswordRules.MinLength;

    /// <returns>Null when written, else why not.</returns>
    public async Task<StaffAccountRefusal?> WriteAsync(string communeCode, string userName, StaffAccountChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!StaffAccountRules.IsCommuneCode(communeCode))
        {
            return StaffAccountRefusal.CommuneCode;
        }

        if (!StaffAccountRules.IsUserName(userName))
        {
            return StaffAccountRefusal.UserName;
        }

        if (change.Role is { } role && !StaffAccountFields.Roles.Contains(role))
        {
            return StaffAccountRefusal.Role;
        }

        var id = StaffAccountFields.RecordId(communeCode, userName);
        if (await store.GetAsync(id, cancellationToken) is null && (change.Role is null || string.IsNullOrEmpty(change.Password)))
        {
            return StaffAccountRefusal.NewNeedsRoleAndPassword;
        }

        if (change.Password is { Length: > 0 } password && PasswordRules.Check(password, userName) is { } weak)
        {
            return weak == PasswordRefusal.TooShort ? StaffAccountRefusal.PasswordTooShort : StaffAccountRefusal.PasswordCommon;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [StaffAccountFields.UserName] = JsonSerializer.Serialize(userName) };
        if (change.DisplayName is { } display)
        {
            values[StaffAccountFields.DisplayName] = JsonSerializer.Serialize(display);
        }

        if (change.Role is { } newRole)
        {
            values[StaffAccountFields.Role] = JsonSerializer.Serialize(newRole);
        }

        if (!string.IsNullOrEmpty(change.Password))
        {
            values[StaffAccountFields.PasswordHash] = JsonSerializer.Serialize(new PasswordHasher<string>().HashPassword(userName, change.Password));
        }

        if (change.Disabled is { } disabled)
        {
            values[StaffAccountFields.Disabled] = disabled ? "true" : "false";
        }

        await store.WriteAsHubAsync(id, RecordTypes.StaffAccount, communeCode, values, cancellationToken);
        return null;
    }

    public async Task<bool> ExistsAsync(string communeCode, string userName, CancellationToken cancellationToken) =>
        StaffAccountRules.IsUserName(userName) && await store.GetAsync(StaffAccountFields.RecordId(communeCode, userName), cancellationToken) is not null;
}
