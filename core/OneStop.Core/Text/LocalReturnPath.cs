namespace OneStop.Core.Text;

/// <summary>
/// Where a sign-in may send the browser back to: only a path on the same site. An open redirect after sign-in
/// would let a phishing link bounce through the desk or the console and hand the session to a look-alike page.
/// </summary>
public static class LocalReturnPath
{
    /// <summary><paramref name="returnUrl"/> when it is a path on this site, otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : fallback;
}
