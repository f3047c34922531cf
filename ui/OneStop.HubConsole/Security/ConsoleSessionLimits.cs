using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OneStop.Core.Accounts;

namespace OneStop.HubConsole.Security;

/// <summary>
/// The console's session: sliding <see cref="SessionLimits.Idle"/>, and over <see cref="SessionLimits.ConsoleAbsolute"/>
/// after sign-in whatever the activity, so a browser left open on an admin's desk does not keep every commune's
/// accounts open for days.
/// </summary>
public static class ConsoleSessionLimits
{
    /// <summary>The cookie's check on every request: past the absolute limit it is rejected and cleared.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
        if (context.Principal is { } user && !SessionLimits.IsWithinAbsolute(user.FindFirst(SessionLimits.SignedInAtClaim)?.Value, now, SessionLimits.ConsoleAbsolute))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
