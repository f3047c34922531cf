using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using OneStop.Hub.Admin;

namespace OneStop.Hub.Nodes;

/// <summary>
/// Authenticates a node before its gRPC call is handed to Grpc.AspNetCore. A server interceptor would run too
/// late: for unary calls the request body is already parsed by then, so an anonymous caller sending garbage
/// would read the parser's words in an INTERNAL status instead of UNAUTHENTICATED.
/// </summary>
public static class NodeAuthentication
{
    private static readonly object ItemKey = new();

    /// <summary>Runs after routing (WebApplication routes first), so only calls mapped to a gRPC method are checked.</summary>
    public static IApplicationBuilder UseNodeAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>();
            if (method is null || AdminListener.IsAdminConnection(context))
            {
                await next(context);
                return;
            }

            // Routing ignores case; gRPC method names do not (".../hello" is not Hello), as the old transport answered.
            if (!string.Equals(context.Request.Path.Value, method.Method.FullName, StringComparison.Ordinal))
            {
                WriteTrailersOnly(context.Response, new Status(StatusCode.Unimplemented, "unknown method"));
                return;
            }

            // A box without a certificate yet may only fetch the CA and redeem its token (checked by the service).
            if (Enrolment.EnrolmentService.IsAnonymous(method.Method.FullName))
            {
                await next(context);
                return;
            }

            try
            {
                context.Items[ItemKey] = context.RequestServices.GetRequiredService<INodeAuthenticator>().Authenticate(context);
            }
            catch (RpcException ex)
            {
                WriteTrailersOnly(context.Response, ex.Status);
                return;
            }

            await next(context);
        });

    /// <summary>The node the middleware authenticated for this call; null if it did not run (a test host without it).</summary>
    public static NodeIdentity? Authenticated(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var node) ? node as NodeIdentity : null;

    /// <summary>A gRPC status with no body: HTTP 200 and the status in the only header block (gRPC's "Trailers-Only").</summary>
    private static void WriteTrailersOnly(HttpResponse response, Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
    }
}
