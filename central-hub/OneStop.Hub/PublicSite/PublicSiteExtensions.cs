using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Routing.Matching;
using OneStop.PublicSite;
using OneStop.PublicSite.Ports;
using OneStop.Ui.Localisation;

namespace OneStop.Hub.PublicSite;

/// <summary>
/// Hosts the residents' public site on its own listener (<see cref="PublicSiteOptions.PublicUrls"/>): connections
/// accepted there are tagged, the site's endpoints answer only on tagged connections and every other endpoint (sync,
/// admin, console) answers 404 there. Each address is rate limited; a refusal says why in Vietnamese and English.
/// </summary>
public static class PublicSiteExtensions
{
    public const string RatePolicy = "public-site";
    private const string Tag = "onestop.listener.public";
    private const string LanguageCookie = "onestop.lang";

    public static WebApplicationBuilder AddHubPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicSiteOptions>().BindConfiguration("Hub").ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection("Hub").Get<PublicSiteOptions>() ?? new PublicSiteOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in options.Urls)
            {
                var address = url.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host);
                kestrel.Listen(address, url.Port, listen => listen.Use(next => connection =>
                {
                    connection.Items[Tag] = true;
                    return next(connection);
                }));
            }
        });
        builder.Services.AddSingleton<MatcherPolicy, ListenerPolicy>();
        builder.Services.AddRazorComponents();
        // Vietnamese as text, not as &#x...; entities: a third of the bytes on a resident's 2G phone.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<Loc>();
        builder.Services.AddSingleton<IPublicRecords, HubPublicRecords>();
        builder.Services.AddSingleton<PublicDesk>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(RateLimitedMessage, cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>What a flooded address reads instead of the page.</summary>
    public const string RateLimitedMessage = "Bạn đã gửi quá nhiều yêu cầu trong một phút. Vui lòng đợi một phút rồi thử lại.\nToo many requests in one minute. Please wait a minute and try again.";

    public static WebApplication MapHubPublicSite(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsPublicConnection(context))
            {
                SetLanguage(context);
            }

            await next(context);
        });
        app.UseRateLimiter();
        app.MapPublicSite().WithMetadata(new PublicMarker()).RequireRateLimiting(RatePolicy).DisableAntiforgery();
        return app;
    }

    private static bool IsPublicConnection(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Tag) == true;

    // Vietnamese unless the resident chose English (?lang=en, kept in a cookie): the culture is set before the page renders.
    private static void SetLanguage(HttpContext context)
    {
        var chosen = context.Request.Query["lang"].ToString();
        if (chosen is "vi" or "en")
        {
            context.Response.Cookies.Append(LanguageCookie, chosen, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        else
        {
            chosen = context.Request.Cookies[LanguageCookie] ?? "vi";
        }

        var culture = CultureInfo.GetCultureInfo(chosen == "en" ? UiCultures.English : UiCultures.Vietnamese);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Marks the public site's endpoints.</summary>
    private sealed class PublicMarker;

    /// <summary>
    /// Decides at route matching which endpoints a connection may reach: the site's on the public listener, all the
    /// others elsewhere. Matching (not a later 404) is what lets the site and the console both own "/".
    /// </summary>
    private sealed class ListenerPolicy : MatcherPolicy, IEndpointSelectorPolicy
    {
        public override int Order => -100;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            var isPublicConnection = IsPublicConnection(httpContext);
            for (var i = 0; i < candidates.Count; i++)
            {
                var isPublicEndpoint = candidates[i].Endpoint.Metadata.GetMetadata<PublicMarker>() is not null;
                if (isPublicEndpoint != isPublicConnection)
                {
                    candidates.SetValidity(i, false);
                }
            }

            return Task.CompletedTask;
        }
    }
}
