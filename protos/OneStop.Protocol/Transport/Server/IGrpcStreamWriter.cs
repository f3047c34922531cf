namespace OneStop.Protocol.Transport;

/// <summary>The response side of a server-streaming call. Each message is flushed to the network when written.</summary>
public interface IGrpcStreamWriter<in T>
{
    /// <summary>Writes one message; not safe to call concurrently.</summary>
    Task WriteAsync(T message, CancellationToken ct = default);
}
