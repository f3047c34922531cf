using OneStop.Core.Accounts;
using OneStop.Hub.Accounts;
using OneStop.Hub.Store;

namespace OneStop.Hub.Api;

/// <summary>
/// Staff and volunteer accounts, pushed by the province to the nodes of one commune, through the same
/// writer as the console's accounts page.
/// </summary>
public static class AccountAdminApi
{
    public static RouteGroupBuilder MapAccountAdminApi(this RouteGroupBuilder api)
    {
        api.MapPut("/accounts/{communeCode}/{userName}", PutAccountAsync);
        return api;
    }

    private static async Task<IResult> PutAccountAsync(string communeCode, string userName, StaffAccountChange change, HubStore store, CancellationToken ct)
    {
        var refusal = await new StaffAccountWriter(store).WriteAsync(communeCode, userName, change, ct);
        return refusal switch
        {
            null => Results.Ok(new { id = StaffAccountFields.RecordId(communeCode, userName), userName, communeCode }),
            StaffAccountRefusal.CommuneCode or StaffAccountRefusal.UserName =>
                Results.BadRequest(new { error = "Commune code must be 5 digits; user name 2-40 letters, digits, '.', '_' or '-'." }),
            StaffAccountRefusal.Role => Results.BadRequest(new { error = $"Unknown role '{change.Role}'; one of: {string.Join(", ", StaffAccountFields.Roles)}." }),
            StaffAccountRefusal.NewNeedsRoleAndPassword => Results.BadRequest(new { error = "A new account needs a role and a password." }),
            StaffAccountRefusal.PasswordTooShort => Results.BadRequest(new { error = $"A password has at least {StaffAccountWriter.MinPasswordLength} characters." }),
            StaffAccountRefusal.PasswordCommon => Results.BadRequest(new { error = "That password is among the first ones guessed; choose another." }),
            _ => throw new InvalidOperationException($"Unhandled refusal {refusal}."),
        };
    }
}
