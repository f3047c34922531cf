using OneStop.Hub.Admin;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.AdminConsole;

/// <summary>A received original as a file: a plain HTTP response (a Blazor circuit cannot hand the browser a file), admins only.</summary>
public static class ConsoleOriginalsDownload
{
    public static void MapConsoleOriginalsDownload(this WebApplication app) =>
        app.MapGet("/console/originals/{id:guid}", async (Guid id, HttpContext http, IConsoleOriginals originals, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return await originals.DownloadAsync(http.User, id, ct) is { } found
                ? Results.File(found.Content, found.ContentType, found.FileName)
                : Results.NotFound();
        })
        .RequireAuthorization(policy => policy.RequireRole(ConsoleRoles.Admin))
        .WithMetadata(AdminListener.Marker.Instance);
}
