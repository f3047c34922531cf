namespace OneStop.Hub.Admin;

/// <summary>
/// Who may call the admin API: a caller presenting the admin key. Until the admin console brings sign-in,
/// the key is the minimum; the answer to a missing or wrong key says nothing about what exists.
/// </summary>
public sealed class AdminAccessFilter(AdminApiKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!key.Matches(context.HttpContext.Request.Headers[AdminApiKey.Header].ToString()))
        {
            return Results.Json(
                new { error = "Cần khóa quản trị.", errorEn = $"Present the hub's admin key in {AdminApiKey.Header}." },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
