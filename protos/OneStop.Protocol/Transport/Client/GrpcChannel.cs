using System.Buffers;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;

namespace OneStop.Protocol.Transport;

/// <summary>
/// A gRPC client over one HTTP/2 connection pool to <see cref="Address"/> (http:// for h2c, https:// for TLS).
/// Thread-safe; make one per peer and reuse it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private long _bytesSent;
    private long _bytesReceived;

    public GrpcChannel(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        Options = options ?? new GrpcChannelOptions();
        HttpClient = new HttpClient(CreateHandler(Options), disposeHandler: true)
        {
            // Deadlines are per call (grpc-timeout); a client-wide timeout would cut long streams.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    /// <summary>Bytes of message frames (prefix + payload, after compression) written to the wire.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Bytes of message frames (prefix + payload, before decompression) read from the wire.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    internal HttpClient HttpClient { get; }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        string path,
        TRequest request,
        MessageParser<TResponse> parser,
        GrpcCallOptions? options = null,
        CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);
        using var call = new GrpcClientCall(this, path, options, cancellationToken);
        await call.ReceiveHeadersAsync(call.StartSend(FrameContent(request))).ConfigureAwait(false);
        return await ReadSingleAsync(call, parser).ConfigureAwait(false);
    }

    public IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        string path,
        TRequest request,
        MessageParser<TResponse> parser,
        GrpcCallOptions? options = null,
        CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);
        return ReadServerStream(path, request, parser, options, cancellationToken);
    }

    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(
        string path,
        IAsyncEnumerable<TRequest> requests,
        MessageParser<TResponse> parser,
        GrpcCallOptions? options = null,
        CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(parser);
        using var call = new GrpcClientCall(this, path, options, cancellationToken);
        using var content = new GrpcRequestStreamContent();
        var send = call.StartSend(content);
        try
        {
            // If the connection fails (refused, bad certificate) the body stream is never handed out:
            // without this race the first write would wait forever instead of reporting UNAVAILABLE.
            var first = await Task.WhenAny(content.StreamReady, send).ConfigureAwait(false);
            if (first == content.StreamReady)
            {
                var body = await content.StreamReady.ConfigureAwait(false);
                await new RequestStreamWriter<TRequest>(this, call, body, send).WriteAllAsync(requests).ConfigureAwait(false);
            }

            content.Complete();
        }
        catch (Exception ex)
        {
            content.Abort(ex);
            _ = send.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        await call.ReceiveHeadersAsync(send).ConfigureAwait(false);
        return await ReadSingleAsync(call, parser).ConfigureAwait(false);
    }

    public void Dispose() => HttpClient.Dispose();

    internal void AddBytesReceived(int count) => Interlocked.Add(ref _bytesReceived, count);

    internal void AddBytesSent(int count) => Interlocked.Add(ref _bytesSent, count);

    private async IAsyncEnumerable<TResponse> ReadServerStream<TRequest, TResponse>(
        string path,
        TRequest request,
        MessageParser<TResponse> parser,
        GrpcCallOptions? options,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
        where TRequest : IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var tokens = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation);
        using var call = new GrpcClientCall(this, path, options, tokens.Token);
        await call.ReceiveHeadersAsync(call.StartSend(FrameContent(request))).ConfigureAwait(false);
        while (await call.ReadAsync(parser).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }

        call.EnsureOk();
    }

    private static async Task<TResponse> ReadSingleAsync<TResponse>(GrpcClientCall call, MessageParser<TResponse> parser)
        where TResponse : class, IMessage<TResponse>
    {
        var message = await call.ReadAsync(parser).ConfigureAwait(false);
        if (message is not null && await call.ReadAsync(parser).ConfigureAwait(false) is not null)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "The server sent more than one response message.");
        }

        call.EnsureOk();
        return message ?? throw new GrpcException(GrpcStatusCode.Internal, "The server sent no response message.");
    }

    private ReadOnlyMemoryContent FrameContent(IMessage request)
    {
        var frame = new ArrayBufferWriter<byte>();
        var size = GrpcFrame.Write(frame, request, Options.CompressRequests, Options.MaxSendMessageBytes);
        AddBytesSent(size);
        return new ReadOnlyMemoryContent(frame.WrittenMemory);
    }

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };

        if (options.ClientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [options.ClientCertificate];
        }

        if (options.TrustedRoot is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                // A private hub CA publishes no revocation list the offline nodes could reach.
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.Add(options.TrustedRoot);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        handler.SslOptions.ApplicationProtocols = [SslApplicationProtocol.Http2];
        return handler;
    }
}
