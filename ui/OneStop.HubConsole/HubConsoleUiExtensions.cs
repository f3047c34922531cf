using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole;

/// <summary>Registers and maps the province console; the hub supplies adapters for the ports in <see cref="Ports"/>.</summary>
public static class HubConsoleUiExtensions
{
    public const string CookieName = ".OneStop.Console";

    public static IServiceCollection AddHubConsoleUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
                options.Cookie.HttpOnly = true;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/signin";
                // Idle and absolute limits (ConsoleSessionLimits): the console holds every commune's accounts.
                options.ExpireTimeSpan = Core.Accounts.SessionLimits.Idle;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ConsoleSessionLimits.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddSingleton<ConsoleLoc>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(ConsoleCultures.Vietnamese)
                .AddSupportedCultures([.. ConsoleCultures.All])
                .AddSupportedUICultures([.. ConsoleCultures.All]);
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Maps the pages, the circuit's hub, the static files and the sign-in endpoints; <paramref name="onAdminListener"/>
    /// tags each of them so the host serves them on its admin listener only.
    /// </summary>
    public static WebApplication MapHubConsoleUi(this WebApplication app, Action<IEndpointConventionBuilder> onAdminListener)
    {
        ArgumentNullException.ThrowIfNull(onAdminListener);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        onAdminListener(app.MapStaticAssets());
        onAdminListener(app.MapConsoleEndpoints());
        onAdminListener(app.MapRazorComponents<ConsoleApp>().AddInteractiveServerRenderMode());
        return app;
    }
}
