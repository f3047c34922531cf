using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Attachments;
using OneStop.Ui.Localisation;
using OneStop.Ui.Reports;
using OneStop.Ui.Security;

namespace OneStop.Ui;

/// <summary>Registers and maps the intake UI; a host adds its own adapters for the ports in <see cref="Ports"/>.</summary>
public static class DeskUiExtensions
{
    public static IServiceCollection AddDeskUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, DeskSessionRevalidation>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".OneStop.Desk";
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/forbidden";
                // Idle and absolute limits (DeskSessionLimits): a shared kiosk must not stay signed in overnight.
                options.ExpireTimeSpan = DeskSessionLimits.Idle;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = DeskSessionLimits.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddSingleton<Loc>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(UiCultures.Vietnamese)
                .AddSupportedCultures([.. UiCultures.All])
                .AddSupportedUICultures([.. UiCultures.All]);
            // Only the explicit switch counts: a kiosk browser set to English must still start in Vietnamese.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication MapDeskUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDeskEndpoints();
        app.MapAttachmentEndpoints();
        app.MapReportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // An unknown address gets the app's own page (the router's NotFoundPage, in the person's language, with a way
        // back), still with status 404. Not for the API: its clients read the status, not a page.
        app.MapFallback("{*path:nonfile}", (HttpContext context) => context.Request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(context.Request.Method)
            ? Results.NotFound()
            : new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound });
        return app;
    }
}
