using Microsoft.AspNetCore.Http;

namespace OneStop.Protocol.Transport;

/// <summary>What a handler knows about the call it serves.</summary>
public sealed class GrpcCallContext
{
    internal GrpcCallContext(HttpContext httpContext, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        HttpContext = httpContext;
        CancellationToken = cancellationToken;
        Timeout = timeout;
    }

    public HttpContext HttpContext { get; }

    /// <summary>Cancelled when the caller goes away or its grpc-timeout deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The caller's grpc-timeout, if it sent one.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The full method path, e.g. "/onestop.sync.v1.Sync/Hello".</summary>
    public string Method => HttpContext.Request.Path.Value ?? string.Empty;

    /// <summary>A request header (metadata) value, or null; repeated values are joined with commas.</summary>
    public string? GetHeader(string name) =>
        HttpContext.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
