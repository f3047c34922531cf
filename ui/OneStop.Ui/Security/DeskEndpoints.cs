using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Localisation;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Security;

/// <summary>
/// The few plain HTTP endpoints the screens need: the cookie can only be set or cleared on a real HTTP
/// response, not from inside an interactive circuit.
/// </summary>
public static class DeskEndpoints
{
    public static IEndpointRouteBuilder MapDeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync);
        app.MapPost("/account/signout", async (HttpContext http, IDeskSignIn signIn) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await signIn.SignedOutAsync(http.User.UserName(), http.RequestAborted);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        });
        app.MapPost("/ui/sync", (ISyncBarSource sync, HttpContext http) =>
        {
            sync.RequestSync();
            return Results.LocalRedirect(SafeReturn(LocalReferrer(http)));
        }).RequireAuthorization();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (UiCultures.All.Contains(culture, StringComparer.Ordinal))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(SafeReturn(returnUrl));
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        IDeskSignIn signIn,
        HttpContext http)
    {
        var result = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? new DeskSignInResult(DeskSignInOutcome.WrongCredentials)
            : await signIn.SignInAsync(userName.Trim(), password, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        if (result.Account is not { } account)
        {
            var why = result.Outcome == DeskSignInOutcome.LockedOut ? $"locked={result.MinutesLeft}" : "error=true";
            return Results.LocalRedirect($"/signin?{why}&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(DeskClaims.DisplayName, account.DisplayName),
                new Claim(DeskClaims.SignedInAt, (http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    private static string? LocalReferrer(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Authority == http.Request.Host.Value
            ? referer.PathAndQuery
            : null;

    private static string SafeReturn(string? returnUrl) => Core.Text.LocalReturnPath.OrDefault(returnUrl, "/procedures");
}
