using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace OneStop.Protocol.Transport;

/// <summary>
/// One call on the client: owns its deadline, its HTTP response and its reader, and turns every way a call
/// can end into a <see cref="GrpcException"/> with the right status.
/// </summary>
internal sealed class GrpcClientCall : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string _path;
    private readonly GrpcCallOptions? _options;
    private readonly CancellationToken _userToken;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;
    private HttpResponseMessage? _response;
    private PipeReader? _pipe;
    private GrpcMessageReader? _reader;
    private (GrpcStatusCode Code, string Message)? _trailersOnly;

    public GrpcClientCall(GrpcChannel channel, string path, GrpcCallOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _channel = channel;
        _path = path;
        _options = options;
        _userToken = cancellationToken;
        _deadline = options?.Timeout is { } timeout
            ? new CancellationTokenSource(timeout <= TimeSpan.Zero ? TimeSpan.Zero : timeout < TimeSpan.FromDays(24) ? timeout : TimeSpan.FromDays(24), channel.Options.TimeProvider)
            : new CancellationTokenSource();

        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
    }

    public CancellationToken Token => _linked.Token;

    public Task<HttpResponseMessage> StartSend(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (_channel.Options.CompressRequests)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Encoding, GrpcHeaders.Gzip);
        }

        if (_options?.Timeout is { } timeout)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(timeout));
        }

        if (_options is not null)
        {
            foreach (var (name, value) in _options.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _linked.Token);
    }

    /// <summary>Awaits the response headers and checks them; a Trailers-Only error is thrown here.</summary>
    public async Task ReceiveHeadersAsync(Task<HttpResponseMessage> send)
    {
        try
        {
            _response = await send.ConfigureAwait(false);
            await ValidateHeadersAsync(_response).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GrpcException)
        {
            throw Map(ex);
        }
    }

    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        if (_reader is null)
        {
            return null;
        }

        try
        {
            return await _reader.ReadAsync(parser, _linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GrpcException)
        {
            throw Map(ex);
        }
    }

    /// <summary>Call after the last message was read: throws unless the status is OK.</summary>
    public void EnsureOk()
    {
        var (code, message) = _trailersOnly ?? ReadStatus(_response!.TrailingHeaders)
            ?? (GrpcStatusCode.Internal, "The response ended without a grpc-status.");
        if (code != GrpcStatusCode.OK)
        {
            throw new GrpcException(code, message);
        }
    }

    public GrpcException Map(Exception ex)
    {
        if (ex is GrpcException grpc)
        {
            return grpc;
        }

        if (_userToken.IsCancellationRequested)
        {
            return new GrpcException(GrpcStatusCode.Cancelled, "The call was cancelled.", ex);
        }

        if (_deadline.IsCancellationRequested)
        {
            return new GrpcException(GrpcStatusCode.DeadlineExceeded, "Deadline exceeded.", ex);
        }

        return ex switch
        {
            HttpRequestException or IOException or ObjectDisposedException or OperationCanceledException =>
                new GrpcException(GrpcStatusCode.Unavailable, $"The connection to {_channel.Address} failed: {ex.Message}", ex),
            _ => new GrpcException(GrpcStatusCode.Unknown, $"The call failed: {ex.Message}", ex),
        };
    }

    public void Dispose()
    {
        _pipe?.Complete();
        // Disposing an unfinished response resets the HTTP/2 stream, which tells the server we gave up.
        _response?.Dispose();
        _linked.Dispose();
        _deadline.Dispose();
    }

    private async Task ValidateHeadersAsync(HttpResponseMessage response)
    {
        var headerStatus = ReadStatus(response.Headers);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            if (headerStatus is { Code: not GrpcStatusCode.OK } early)
            {
                throw new GrpcException(early.Code, early.Message);
            }

            throw new GrpcException(FromHttpStatus(response.StatusCode), $"Bad gRPC response: HTTP status {(int)response.StatusCode}.");
        }

        if (headerStatus is { } trailersOnly)
        {
            _trailersOnly = trailersOnly;
            EnsureOk();
            return;
        }

        if (!GrpcHeaders.IsGrpcContentType(response.Content.Headers.ContentType?.MediaType))
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"Bad gRPC response: content-type '{response.Content.Headers.ContentType}'.");
        }

        var encoding = response.Headers.TryGetValues(GrpcHeaders.Encoding, out var values) ? string.Join(',', values) : string.Empty;
        var gzip = string.Equals(encoding, GrpcHeaders.Gzip, StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !string.Equals(encoding, GrpcHeaders.Identity, StringComparison.OrdinalIgnoreCase))
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"The server used an unsupported grpc-encoding '{encoding}'.");
        }

        var stream = await response.Content.ReadAsStreamAsync(_linked.Token).ConfigureAwait(false);
        _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _reader = new GrpcMessageReader(_pipe, _channel.Options.MaxReceiveMessageBytes, gzip)
        {
            FrameRead = _channel.AddBytesReceived,
        };
    }

    private static (GrpcStatusCode Code, string Message)? ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcHeaders.Status, out var statusValues))
        {
            return null;
        }

        var raw = statusValues.FirstOrDefault();
        var code = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined(typeof(GrpcStatusCode), number)
            ? (GrpcStatusCode)number
            : GrpcStatusCode.Unknown;
        var message = headers.TryGetValues(GrpcHeaders.Message, out var messageValues)
            ? GrpcStatusMessage.Decode(messageValues.FirstOrDefault())
            : string.Empty;
        return (code, message);
    }

    // The mapping gRPC prescribes for a reply that is not gRPC at all (a proxy, a wrong port).
    private static GrpcStatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
        HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };
}
