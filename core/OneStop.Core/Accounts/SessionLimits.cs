using System.Globalization;

namespace OneStop.Core.Accounts;

/// <summary>
/// How long a signed-in session lasts, at the desk and in the province console: it lapses after <see cref="Idle"/>
/// without a request, and in any case a fixed time after the password was typed, however busy the screen, so a
/// shared kiosk or an admin's browser left open does not stay signed in for days.
/// </summary>
public static class SessionLimits
{
    /// <summary>
    /// Without a page load for this long the cookie lapses: 60 minutes. Not shorter, because someone working inside
    /// one interactive page sends no requests that would slide it.
    /// </summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(60);

    /// <summary>A desk shift: 10 hours after sign-in the session ends, even in an open page.</summary>
    public static readonly TimeSpan DeskAbsolute = TimeSpan.FromHours(10);

    /// <summary>
    /// A province admin's working day: 8 hours. Shorter than the desk's, because the console holds every commune's
    /// accounts and nodes.
    /// </summary>
    public static readonly TimeSpan ConsoleAbsolute = TimeSpan.FromHours(8);

    /// <summary>The claim that carries the sign-in time, Unix milliseconds.</summary>
    public const string SignedInAtClaim = "onestop:signed_in_at";

    /// <summary>The claim's value for a sign-in at <paramref name="now"/>.</summary>
    public static string Stamp(DateTimeOffset now) => now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// True while a session signed in at <paramref name="signedInAt"/> (a <see cref="Stamp"/>) is within
    /// <paramref name="absolute"/> of it. A session without the time (a cookie from before the limit), or with one in
    /// the future (a forged or clock-skewed cookie), counts as past it: one more sign-in, once.
    /// </summary>
    public static bool IsWithinAbsolute(string? signedInAt, DateTimeOffset now, TimeSpan absolute)
    {
        if (!long.TryParse(signedInAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signedInMs))
        {
            return false;
        }

        var age = now.ToUnixTimeMilliseconds() - signedInMs;
        return age >= 0 && age < (long)absolute.TotalMilliseconds;
    }
}
