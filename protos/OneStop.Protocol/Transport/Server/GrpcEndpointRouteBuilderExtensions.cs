using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace OneStop.Protocol.Transport;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>Starts mapping the methods of <paramref name="fullServiceName"/> (e.g. "onestop.sync.v1.Sync").</summary>
    public static GrpcServiceBuilder MapGrpcService(this IEndpointRouteBuilder endpoints, string fullServiceName, GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(fullServiceName);
        return new GrpcServiceBuilder(endpoints, fullServiceName, options ?? new GrpcServerOptions());
    }

    /// <summary>
    /// Answers any other POST carrying application/grpc* with UNIMPLEMENTED in a trailers-only reply,
    /// so a peer on a newer protocol version gets a gRPC status instead of an HTTP 404.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcUnimplementedFallback(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = endpoints.MapPost("/{**path}", GrpcServerCall.WriteUnimplementedAsync)
            .WithDisplayName("gRPC unimplemented fallback");
        // Just before int.MaxValue: beats an application's catch-all MapFallback for POSTs, loses to every real route.
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue - 1);
        return builder;
    }
}
