using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace OneStop.Protocol.Transport;

/// <summary>
/// Maps the methods of one gRPC service to endpoints. Conventions added to it (authorization, metadata)
/// apply to every method, mapped before or after.
/// </summary>
public sealed class GrpcServiceBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly GrpcServerOptions _options;
    private readonly List<IEndpointConventionBuilder> _methods = [];
    private readonly List<Action<EndpointBuilder>> _conventions = [];

    internal GrpcServiceBuilder(IEndpointRouteBuilder endpoints, string fullServiceName, GrpcServerOptions options)
    {
        _endpoints = endpoints;
        _options = options;
        ServiceName = fullServiceName;
    }

    /// <summary>The package-qualified service name, e.g. "onestop.sync.v1.Sync".</summary>
    public string ServiceName { get; }

    public GrpcServiceBuilder Unary<TRequest, TResponse>(
        string method,
        MessageParser<TRequest> parser,
        Func<TRequest, GrpcCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(method, async call =>
        {
            var request = await call.ReadSingleAsync(parser).ConfigureAwait(false);
            var response = await handler(request, call.Context).ConfigureAwait(false);
            await call.WriteAsync(response, CancellationToken.None).ConfigureAwait(false);
        });
    }

    public GrpcServiceBuilder ServerStreaming<TRequest, TResponse>(
        string method,
        MessageParser<TRequest> parser,
        Func<TRequest, IGrpcStreamWriter<TResponse>, GrpcCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(method, async call =>
        {
            var request = await call.ReadSingleAsync(parser).ConfigureAwait(false);
            await handler(request, new StreamWriter<TResponse>(call), call.Context).ConfigureAwait(false);
        });
    }

    public GrpcServiceBuilder ClientStreaming<TRequest, TResponse>(
        string method,
        MessageParser<TRequest> parser,
        Func<IAsyncEnumerable<TRequest>, GrpcCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(method, async call =>
        {
            var response = await handler(call.ReadAllAsync(parser), call.Context).ConfigureAwait(false);
            await call.WriteAsync(response, CancellationToken.None).ConfigureAwait(false);
        });
    }

    public void Add(Action<EndpointBuilder> convention)
    {
        ArgumentNullException.ThrowIfNull(convention);
        _conventions.Add(convention);
        foreach (var method in _methods)
        {
            method.Add(convention);
        }
    }

    private GrpcServiceBuilder Map(string method, Func<GrpcServerCall, Task> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var path = $"/{ServiceName}/{method}";
        var options = _options;
        Func<GrpcServerCall, Task> authenticated = options.Authenticate is { } authenticate
            ? async call =>
            {
                await authenticate(call.Context).ConfigureAwait(false);
                await run(call).ConfigureAwait(false);
            }
        : run;
        var endpoint = _endpoints.MapPost(path, http => GrpcServerCall.HandleAsync(http, path, options, authenticated))
            .WithDisplayName($"gRPC {path}");
        foreach (var convention in _conventions)
        {
            endpoint.Add(convention);
        }

        _methods.Add(endpoint);
        return this;
    }

    private sealed class StreamWriter<T>(GrpcServerCall call) : IGrpcStreamWriter<T>
        where T : IMessage<T>
    {
        public Task WriteAsync(T message, CancellationToken ct = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            return call.WriteAsync(message, ct);
        }
    }
}
