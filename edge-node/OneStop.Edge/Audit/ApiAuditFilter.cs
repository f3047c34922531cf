using OneStop.Core.Audit;
using OneStop.Edge.Dossiers;

namespace OneStop.Edge.Audit;

/// <summary>
/// Who read or changed residents' data through the node's HTTP API. The desk's seams write their own entries, but a
/// script holding the node's key, or a browser calling <c>/api</c> directly, reaches the same dossiers without them.
/// The entry is written before the answer leaves, so no resident's data is handed out untraced; refused calls
/// (4xx) change and show nothing and are not recorded here (the access filter's refusals carry no data).
/// </summary>
public sealed class ApiAuditFilter(EdgeAuditLog audit) : IEndpointFilter
{
    /// <summary>The actor written for a call made with the node's key rather than a signed-in person.</summary>
    public const string KeyActor = "api";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is IStatusCodeHttpResult { StatusCode: >= 300 })
        {
            return result;
        }

        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (Classify(http.Request.Method, pattern, http.Request.RouteValues, result) is { } what)
        {
            var detail = $"api {http.Request.Method} {http.Request.Path}{(what.Detail is null ? string.Empty : ", " + what.Detail)}, from {http.Connection.RemoteIpAddress}";
            await audit.AppendAsync(Caller(http), what.Action, what.Subject, detail, http.RequestAborted);
        }

        return result;
    }

    /// <summary>The person behind a call, or <see cref="KeyActor"/> when it came with the node's key.</summary>
    public static string Caller(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : KeyActor;

    /// <summary>The routes that touch residents' data, and what each one does to whom. Anything else is not recorded.</summary>
    internal static (string Action, string Subject, string? Detail)? Classify(string method, string? pattern, RouteValueDictionary routeValues, object? result)
    {
        var id = routeValues.TryGetValue("id", out var value) ? value?.ToString() : null;
        var get = HttpMethods.IsGet(method);
        return pattern switch
        {
            "/api/dossiers" when get => (AuditActions.Viewed, "dossiers", "list"),
            "/api/dossiers" when result is IValueHttpResult { Value: DossierView created } => (AuditActions.Changed, created.Id.ToString(), "created"),
            "/api/dossiers/{id:guid}" when get => (AuditActions.Viewed, id!, null),
            "/api/dossiers/{id:guid}" => (AuditActions.Changed, id!, "edited"),
            "/api/dossiers/{id:guid}/status" => (AuditActions.Changed, id!, "status"),
            "/api/dossiers/{id:guid}/attachments" when get => (AuditActions.Viewed, id!, "attachments"),
            "/api/dossiers/{id:guid}/attachments" when result is IValueHttpResult { Value: Attachments.AttachmentView added } => (AuditActions.Changed, id!, "attached " + added.Id),
            "/api/attachments/{id:guid}/content" => (AuditActions.Exported, "attachment:" + id, null),
            "/api/conflicts" when get => (AuditActions.Viewed, "conflicts", "list"),
            "/api/conflicts/{id:guid}/resolve" => (AuditActions.Changed, "conflict:" + id, "resolved"),
            _ => null,
        };
    }
}
