using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Hub.Store;

namespace OneStop.Hub.Api;

/// <summary>
/// Staff and volunteer accounts, pushed by the province to the nodes of one commune. The hub hashes
/// the password here; only the hash travels, and nodes check it offline.
/// </summary>
public static partial class AccountAdminApi
{
    public static RouteGroupBuilder MapAccountAdminApi(this RouteGroupBuilder api)
    {
        api.MapPut("/accounts/{communeCode}/{userName}", PutAccountAsync);
        return api;
    }

    private static async Task<IResult> PutAccountAsync(string communeCode, string userName, AccountChange change, HubStore store, CancellationToken ct)
    {
        if (!CommuneCode().IsMatch(communeCode) || !UserName().IsMatch(userName))
        {
            return Results.BadRequest(new { error = "Commune code must be 5 digits; user name 2-40 letters, digits, '.', '_' or '-'." });
        }

        if (change.Role is { } role && !StaffAccountFields.Roles.Contains(role))
        {
            return Results.BadRequest(new { error = $"Unknown role '{role}'; one of: {string.Join(", ", StaffAccountFields.Roles)}." });
        }

        var id = StaffAccountFields.RecordId(communeCode, userName);
        var exists = await store.GetAsync(id, ct) is not null;
        if (!exists && (change.Role is null || string.IsNullOrEmpty(change.Password)))
        {
            return Results.BadRequest(new { error = "A new account needs a role and a password." });
        }

        if (change.Password is { Length: > 0 and < 8 })
        {
            return Results.BadRequest(new { error = "A password has at least 8 characters." });
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

        await store.WriteAsHubAsync(id, RecordTypes.StaffAccount, communeCode, values, ct);
        return Results.Ok(new { id, userName, communeCode });
    }

    public sealed record AccountChange(string? DisplayName, string? Role, string? Password, bool? Disabled);

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{2,40}$")]
    private static partial Regex UserName();
}
