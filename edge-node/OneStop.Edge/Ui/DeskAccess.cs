using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The server-side check every desk adapter makes before it acts: the role's permission from the one table.</summary>
internal static class DeskAccess
{
    public static async Task<ClaimsPrincipal> RequireAsync(this AuthenticationStateProvider authentication, DeskAction action)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var role = user.Identity?.IsAuthenticated == true ? user.Role() : null;
        return DeskPermissions.Allows(role, action) ? user : throw new DeskForbiddenException(action, role);
    }
}
