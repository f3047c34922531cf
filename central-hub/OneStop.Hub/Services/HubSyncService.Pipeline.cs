using Grpc.Core;

namespace OneStop.Hub.Services;

public sealed partial class HubSyncService
{
    /// <summary>Longest a pipelined batch waits for the batches ahead of it: on a 2G link several of them share the uplink.</summary>
    private static readonly TimeSpan MaxPushPatience = TimeSpan.FromMinutes(2);

    /// <summary>How long a batch may wait for its turn: within its own deadline, leaving it time to be applied.</summary>
    private TimeSpan PushPatience(ServerCallContext context)
    {
        var left = context.Deadline == DateTime.MaxValue ? MaxPushPatience : context.Deadline - time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(5);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left < MaxPushPatience ? left : MaxPushPatience;
    }
}
