namespace OneStop.Protocol.Transport;

/// <summary>
/// A call that ended with a non-OK gRPC status. Server handlers throw it to answer with that status;
/// the client throws it for every non-OK outcome, including transport failures (Unavailable).
/// </summary>
public sealed class GrpcException : Exception
{
    public GrpcException(GrpcStatusCode status, string message)
        : base(message)
    {
        Status = status;
    }

    public GrpcException(GrpcStatusCode status, string message, Exception? innerException)
        : base(message, innerException)
    {
        Status = status;
    }

    public GrpcStatusCode Status { get; }

    public override string ToString() => $"{nameof(GrpcException)}: {Status} ({(int)Status}): {Message}";
}
