using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The signed-in person behind a port call, checked against <see cref="DeskPermissions"/>.</summary>
internal static class DeskUser
{
    public static async Task<ClaimsPrincipal> RequireAsync(AuthenticationStateProvider authentication, DeskAction action)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var role = user.Identity?.IsAuthenticated == true ? user.Role() : null;
        return DeskPermissions.Allows(role, action) ? user : throw new DeskForbiddenException(action, role);
    }
}
