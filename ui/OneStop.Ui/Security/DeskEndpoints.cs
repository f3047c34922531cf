using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
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
        app.MapPost("/account/signout", async (HttpContext http) =>
        {
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
        IDeskAccounts accounts,
        HttpContext http)
    {
        var account = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? null
            : await accounts.VerifyAsync(userName.Trim(), password, http.RequestAborted);
        if (account is null)
        {
            return Results.LocalRedirect($"/signin?error=true&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(DeskClaims.DisplayName, account.DisplayName),
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
