namespace OneStop.Core.Fleet;

/// <summary>The one state the fleet view shows for a node, most urgent first.</summary>
public enum NodeHealthState
{
    /// <summary>Said hello within a day, nothing wrong reported.</summary>
    Ok,

    /// <summary>A registered node that never said hello, or not for more than <see cref="NodeHealth.SilentAfterMs"/>.</summary>
    Silent,

    /// <summary>Not seen for more than <see cref="NodeHealth.LateAfterMs"/>.</summary>
    Late,

    /// <summary>The hub refused its last push and it still has changes waiting: it cannot make progress alone.</summary>
    Stuck,

    /// <summary>A device reports a fault or is disconnected.</summary>
    DeviceFault,

    /// <summary>Its clock is further off the hub's than <see cref="Clock.ClockPolicy.DefaultSuspectOffsetMs"/>.</summary>
    ClockSuspect,
}

/// <summary>What the hub knows of a node, reduced to what decides its state.</summary>
public sealed record NodeHealthInput(long? LastSeenMs, long? ClockOffsetMs, bool? ClockSuspect, long? Backlog, string? LastRefusal, int FaultyDevices);

/// <summary>
/// Sorts a node into one state for the province's fleet view. Silence outranks everything (whatever else was
/// reported is stale), then a refused push (data is not arriving), then devices and clock (data arrives, but
/// the office has a problem).
/// </summary>
public static class NodeHealth
{
    /// <summary>Late after one day without a hello.</summary>
    public const long LateAfterMs = 24L * 60 * 60 * 1000;

    /// <summary>Silent after three days without a hello.</summary>
    public const long SilentAfterMs = 3 * LateAfterMs;

    public static NodeHealthState Classify(NodeHealthInput node, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.LastSeenMs is not { } seen || nowMs - seen > SilentAfterMs)
        {
            return NodeHealthState.Silent;
        }

        if (nowMs - seen > LateAfterMs)
        {
            return NodeHealthState.Late;
        }

        if (!string.IsNullOrEmpty(node.LastRefusal) && node.Backlog is > 0)
        {
            return NodeHealthState.Stuck;
        }

        if (node.FaultyDevices > 0)
        {
            return NodeHealthState.DeviceFault;
        }

        // The node's own verdict (when it sends one) wins over the offset the hub measured at the handshake.
        var clockSuspect = node.ClockSuspect
            ?? (node.ClockOffsetMs is { } offset && Clock.ClockPolicy.IsClockSuspect(offset, Clock.ClockPolicy.DefaultSuspectOffsetMs));
        return clockSuspect ? NodeHealthState.ClockSuspect : NodeHealthState.Ok;
    }

    /// <summary>The state's name on the wire and in URLs (snake case).</summary>
    public static string ToName(this NodeHealthState state) => state switch
    {
        NodeHealthState.Ok => "ok",
        NodeHealthState.Silent => "silent",
        NodeHealthState.Late => "late",
        NodeHealthState.Stuck => "stuck",
        NodeHealthState.DeviceFault => "device_fault",
        NodeHealthState.ClockSuspect => "clock_suspect",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
