using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneStop.Hub.Admin;

/// <summary>
/// Keeps the admin API and the sync service on their own listeners. Both run in one Kestrel, so routing
/// alone would answer an admin path on the sync port (opening the sync port to nodes would open the admin
/// API with it): connections accepted by the admin listener are tagged, and each endpoint answers only on
/// its own listener, a 404 elsewhere, as if it did not exist there.
/// </summary>
public static class AdminListener
{
    private const string Tag = "onestop.listener.admin";

    /// <summary>Marks an endpoint as part of the admin surface.</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();

        private Marker()
        {
        }
    }

    /// <summary>Tags every connection this listener accepts as an admin connection.</summary>
    public static ListenOptions UseAdminTag(this ListenOptions listen)
    {
        listen.Use(next => connection =>
        {
            connection.Items[Tag] = true;
            return next(connection);
        });
        return listen;
    }

    public static bool IsAdminConnection(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Tag) == true;

    /// <summary>Answers 404 for an endpoint reached through the other listener.</summary>
    public static IApplicationBuilder UseListenerSeparation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var isAdminEndpoint = endpoint?.Metadata.GetMetadata<Marker>() is not null;
            if (endpoint is not null && isAdminEndpoint != IsAdminConnection(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
}
