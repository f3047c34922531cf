using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneStop.Edge.Api;

/// <summary>
/// Who may call the node's HTTP API: a signed-in staff member or commune admin (the UI's cookie), or a
/// script presenting the node's API key. Volunteers get nothing here: the API returns every dossier with its
/// residents' CCCD numbers, and a volunteer sees only their own drafts, masked, through the desk (VolunteerView);
/// anonymous callers on the office network get nothing either.
/// </summary>
public sealed class ApiAccessFilter(IOptions<EdgeOptions> options) : IEndpointFilter
{
    public const string KeyHeader = "X-OneStop-Api-Key";

    private static readonly string[] WriterRoles = ["staff", "commune_admin"];
    private static readonly string[] ReaderRoles = ["staff", "commune_admin"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HasValidKey(http.Request.Headers[KeyHeader].ToString()))
        {
            return await next(context);
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Results.Json(
                new { error = "Cần đăng nhập hoặc khóa API.", errorEn = "Sign in or present the node's API key." },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var roles = HttpMethods.IsGet(http.Request.Method) ? ReaderRoles : WriterRoles;
        if (!roles.Any(role => user.IsInRole(role) || user.FindFirst(ClaimTypes.Role)?.Value == role))
        {
            return Results.Json(
                new { error = "Tài khoản này không được phép thực hiện thao tác này.", errorEn = "This account may not do that." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private bool HasValidKey(string presented)
    {
        var configured = options.Value.ApiKey;
        return !string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}
