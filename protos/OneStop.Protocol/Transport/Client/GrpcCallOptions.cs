namespace OneStop.Protocol.Transport;

/// <summary>Per-call settings.</summary>
public sealed class GrpcCallOptions
{
    /// <summary>Deadline relative to the start of the call, sent as grpc-timeout; null for none.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Extra request headers (gRPC metadata). Names should be lower-case ASCII.</summary>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
