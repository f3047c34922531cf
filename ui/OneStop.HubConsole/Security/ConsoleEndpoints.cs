using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Ports;

namespace OneStop.HubConsole.Security;

/// <summary>The plain HTTP endpoints the console needs: a cookie is set or cleared only on a real HTTP response.</summary>
public static class ConsoleEndpoints
{
    public const string DisplayNameClaim = "onestop:display_name";

    public static RouteGroupBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/console");
        group.MapPost("/signin", SignInAsync);
        group.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        });
        group.MapGet("/culture/{culture}", (string culture, HttpContext http) =>
        {
            if (ConsoleCultures.All.Contains(culture, StringComparer.Ordinal))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(SafeReturn(LocalReferrer(http)));
        });
        return group;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        IConsoleSignIn accounts,
        HttpContext http)
    {
        var result = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? new ConsoleSignInResult(ConsoleSignInOutcome.WrongCredentials)
            : await accounts.SignInAsync(userName.Trim(), password, http.RequestAborted);
        if (result.Outcome != ConsoleSignInOutcome.SignedIn)
        {
            var error = result.Outcome == ConsoleSignInOutcome.LockedOut ? "locked" : "wrong";
            return Results.LocalRedirect($"/signin?error={error}&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, result.UserName!),
                new Claim(ClaimTypes.Role, result.Role!),
                new Claim(DisplayNameClaim, result.DisplayName ?? result.UserName!),
                new Claim(Core.Accounts.SessionLimits.SignedInAtClaim, Core.Accounts.SessionLimits.Stamp((http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow())),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    private static string? LocalReferrer(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Authority == http.Request.Host.Value
            ? referer.PathAndQuery
            : null;

    public static string SafeReturn(string? returnUrl) => Core.Text.LocalReturnPath.OrDefault(returnUrl, "/fleet");
}
