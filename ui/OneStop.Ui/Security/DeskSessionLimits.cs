using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OneStop.Ui.Security;

/// <summary>
/// How long a desk session lasts: it ends after <see cref="Idle"/> without a request, and in any case
/// <see cref="Absolute"/> after the password was typed, however busy the desk.
/// </summary>
public static class DeskSessionLimits
{
    /// <summary>
    /// Without a page load for this long the cookie lapses: 60 minutes. Not shorter, because a clerk working inside one
    /// interactive page sends no requests that would slide it.
    /// </summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(60);

    /// <summary>A desk shift: 10 hours after sign-in the session ends, even in an open page.</summary>
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(10);

    /// <summary>
    /// True while the session is within <see cref="Absolute"/> of its sign-in. A session without the sign-in time
    /// (a cookie from before the limit) counts as past it: one more sign-in, once.
    /// </summary>
    public static bool IsWithinAbsolute(ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.TryParse(user.FindFirst(DeskClaims.SignedInAt)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signedInMs)
            && now.ToUnixTimeMilliseconds() - signedInMs < (long)Absolute.TotalMilliseconds;
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
