namespace OneStop.Protocol.Transport;

/// <summary>Limits and behaviour of one mapped gRPC service.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Default of <see cref="MaxReceiveMessageBytes"/>: 4 MiB, the usual gRPC default.</summary>
    public const int DefaultMaxReceiveMessageBytes = 4 * 1024 * 1024;

    /// <summary>Default of <see cref="MaxSendMessageBytes"/>: 4 MiB, so a reply never exceeds what a default peer accepts.</summary>
    public const int DefaultMaxSendMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Default of <see cref="CompressResponses"/>: true. The server is the hub, not the ARM nodes, and pull replies
    /// are the largest messages on the slowest direction of a 2G link (bench: 1.98 MB down for 1,000 dossiers plain).
    /// Small replies that gzip would grow are still sent plain.
    /// </summary>
    public const bool DefaultCompressResponses = true;

    /// <summary>Largest request message accepted, decompressed; larger ones get RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageBytes { get; set; } = DefaultMaxReceiveMessageBytes;

    /// <summary>Largest response message sent; a handler producing more fails with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxSendMessageBytes { get; set; } = DefaultMaxSendMessageBytes;

    /// <summary>Gzip response messages when the caller's grpc-accept-encoding lists gzip. Default true.</summary>
    public bool CompressResponses { get; set; } = DefaultCompressResponses;

    /// <summary>
    /// Runs before a request body is read (throw a <see cref="GrpcException"/> to refuse), so an anonymous caller
    /// gets UNAUTHENTICATED, never the parser's words about a body it should not have been able to send. None by default.
    /// </summary>
    public Func<GrpcCallContext, ValueTask>? Authenticate { get; set; }
}
