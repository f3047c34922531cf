using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OneStop.Core.Accounts;

namespace OneStop.Ui.Security;

/// <summary>
/// How long a desk session lasts: it ends after <see cref="Idle"/> without a request, and in any case
/// <see cref="Absolute"/> after the password was typed, however busy the desk.
/// </summary>
public static class DeskSessionLimits
{
    public static TimeSpan Idle => SessionLimits.Idle;

    public static TimeSpan Absolute => SessionLimits.DeskAbsolute;

    /// <summary>True while the session is within <see cref="Absolute"/> of its sign-in (the rule is core's).</summary>
    public static bool IsWithinAbsolute(ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SessionLimits.IsWithinAbsolute(user.FindFirst(DeskClaims.SignedInAt)?.Value, now, Absolute);
    }

    /// <summary>The cookie's check on every request: past the absolute limit it is rejected and cleared.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is { } user && !IsWithinAbsolute(user, context.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
