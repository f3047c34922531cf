using Grpc.Net.Client;

namespace OneStop.Protocol.Tests.Infrastructure;

public static class Clients
{
    /// <summary>What the tests' uploads announce for their deadline: more than any blob they send.</summary>
    public const long UploadBytes = 1024 * 1024;

    public static SyncClient For(GrpcChannel channel, bool compress = true) =>
        new(channel, new SyncCallSettings { NodeId = "node-1", NodeKey = "key-1", CompressRequests = compress });
}
