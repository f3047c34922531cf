using System.Security.Claims;

namespace OneStop.Ui.Security;

/// <summary>Claims the sign-in cookie carries beyond name and role.</summary>
public static class DeskClaims
{
    public const string DisplayName = "onestop:display_name";

    /// <summary>When the person typed their password, Unix milliseconds: the start of the absolute session limit.</summary>
    public const string SignedInAt = "onestop:signed_in_at";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value;

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? string.Empty;
}
