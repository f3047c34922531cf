using System.Globalization;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Protocol.Transport;

/// <summary>One call on the server: validates the request, reads and writes frames, and always ends with a status.</summary>
internal sealed class GrpcServerCall
{
    private const string LoggerCategory = "OneStop.Protocol.Transport.GrpcServer";

    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly GrpcMessageReader _reader;
    private readonly bool _compressResponses;

    private GrpcServerCall(HttpContext http, GrpcServerOptions options, bool gzipRequests, bool compressResponses, GrpcCallContext context)
    {
        _http = http;
        _options = options;
        _compressResponses = compressResponses;
        _reader = new GrpcMessageReader(http.Request.BodyReader, options.MaxReceiveMessageBytes, gzipRequests);
        Context = context;
    }

    public GrpcCallContext Context { get; }

    public static async Task HandleAsync(HttpContext http, string path, GrpcServerOptions options, Func<GrpcServerCall, Task> run)
    {
        // Routing matches case-insensitively; gRPC method names are case-sensitive.
        if (!string.Equals(http.Request.Path.Value, path, StringComparison.Ordinal))
        {
            await WriteUnimplementedAsync(http).ConfigureAwait(false);
            return;
        }

        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!HttpProtocol.IsHttp2(http.Request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2c";
            return;
        }

        RelaxBodyLimits(http);
        http.Response.ContentType = GrpcHeaders.ContentType;
        http.Response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;

        var encoding = http.Request.Headers[GrpcHeaders.Encoding].ToString();
        var gzipRequests = string.Equals(encoding, GrpcHeaders.Gzip, StringComparison.OrdinalIgnoreCase);
        if (!gzipRequests && encoding.Length > 0 && !string.Equals(encoding, GrpcHeaders.Identity, StringComparison.OrdinalIgnoreCase))
        {
            WriteStatus(http, GrpcStatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcHeaders.SupportedEncodings}.");
            return;
        }

        var compressResponses = options.CompressResponses
            && GrpcHeaders.ListContains(http.Request.Headers[GrpcHeaders.AcceptEncoding].ToString(), GrpcHeaders.Gzip);
        if (compressResponses)
        {
            http.Response.Headers[GrpcHeaders.Encoding] = GrpcHeaders.Gzip;
        }

        TimeSpan? timeout = GrpcTimeout.TryParse(http.Request.Headers[GrpcHeaders.Timeout].ToString(), out var parsed) ? parsed : null;
        using var deadline = new CancellationTokenSource();
        if (timeout is { } t)
        {
            deadline.CancelAfter(t < TimeSpan.FromDays(24) ? t : TimeSpan.FromDays(24));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadline.Token);
        var call = new GrpcServerCall(http, options, gzipRequests, compressResponses, new GrpcCallContext(http, linked.Token, timeout));

        GrpcStatusCode status;
        string? message = null;
        try
        {
            await run(call).ConfigureAwait(false);
            status = GrpcStatusCode.OK;
        }
        catch (GrpcException ex)
        {
            (status, message) = (ex.Status, ex.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            (status, message) = (GrpcStatusCode.DeadlineExceeded, "Deadline exceeded.");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            (status, message) = (GrpcStatusCode.Cancelled, "The call was cancelled by the client.");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Logger(http).LogWarning(ex, "gRPC call {Path}: stream aborted", path);
            (status, message) = (GrpcStatusCode.Unavailable, "The stream was aborted.");
        }
#pragma warning disable CA1031 // The catch-all is the point: a handler bug must become a status, never a crash or a leak.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger(http).LogError(ex, "gRPC call {Path}: handler failed", path);
            (status, message) = (GrpcStatusCode.Unknown, "Exception was thrown by handler.");
        }

        if (!http.RequestAborted.IsCancellationRequested)
        {
            WriteStatus(http, status, message);
        }
    }

    public static Task WriteUnimplementedAsync(HttpContext http)
    {
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        http.Response.ContentType = GrpcHeaders.ContentType;
        WriteStatus(http, GrpcStatusCode.Unimplemented, $"Method '{http.Request.Path.Value}' is not implemented.");
        return Task.CompletedTask;
    }

    public async Task<T> ReadSingleAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await ReadAsync(parser, Context.CancellationToken).ConfigureAwait(false)
            ?? throw new GrpcException(GrpcStatusCode.Internal, "The request carried no message.");
        if (await ReadAsync(parser, Context.CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "The request carried more than one message.");
        }

        return message;
    }

    public async IAsyncEnumerable<T> ReadAllAsync<T>(MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IMessage<T>
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Context.CancellationToken, cancellationToken);
        while (await ReadAsync(parser, linked.Token).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }

    public async Task WriteAsync<T>(T message, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        Context.CancellationToken.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        var writer = _http.Response.BodyWriter;
        GrpcFrame.Write(writer, message, _compressResponses, _options.MaxSendMessageBytes);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Context.CancellationToken, cancellationToken);
        var result = await writer.FlushAsync(linked.Token).ConfigureAwait(false);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException(linked.Token);
        }
    }

    private async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        try
        {
            return await _reader.ReadAsync(parser, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsAbort(ex))
        {
            // The handler sees one exception type for a vanished client, whatever Kestrel threw.
            throw new GrpcException(GrpcStatusCode.Unavailable, "The request stream was aborted.", ex);
        }
    }

    private bool IsAbort(Exception ex) => ex switch
    {
        GrpcException => false,
        IOException or ObjectDisposedException => true,
        OperationCanceledException => _http.RequestAborted.IsCancellationRequested,
        _ => false,
    };

    private static void WriteStatus(HttpContext http, GrpcStatusCode status, string? message)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var encoded = string.IsNullOrEmpty(message) ? null : GrpcStatusMessage.Encode(message);
        if (!http.Response.HasStarted)
        {
            // Trailers-Only: nothing was sent yet, so the status travels in the only HEADERS frame.
            http.Response.ContentType = GrpcHeaders.ContentType;
            http.Response.Headers[GrpcHeaders.Status] = code;
            if (encoded is not null)
            {
                http.Response.Headers[GrpcHeaders.Message] = encoded;
            }

            return;
        }

        http.Response.AppendTrailer(GrpcHeaders.Status, code);
        if (encoded is not null)
        {
            http.Response.AppendTrailer(GrpcHeaders.Message, encoded);
        }
    }

    private static void RelaxBodyLimits(HttpContext http)
    {
        // Kestrel's minimum body rate kills a slow 2G attachment upload after a few seconds, and its
        // request size cap would end a long client stream; each message is bounded by our own limit instead.
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory)
        ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
