using System.Text.Json;
using OneStop.Core.Clock;

namespace OneStop.Hub.Nodes;

/// <summary>
/// The fleet view's "clock suspect" for a node: the hub measured its clock far off at the last handshake, or the node
/// itself reported its "clock" device suspect (a wall clock that went back, which the hub cannot see by itself once
/// the node's clock was right again at the handshake but its legal dates were stamped before).
/// </summary>
public static class NodeClock
{
    public static bool IsSuspect(long? offsetMs, JsonElement? devices, long boundMs = ClockPolicy.DefaultSuspectOffsetMs) =>
        (offsetMs is { } offset && ClockPolicy.IsClockSuspect(offset, boundMs)) || ReportsSuspect(devices);

    private static bool ReportsSuspect(JsonElement? devices)
    {
        if (devices is not { ValueKind: JsonValueKind.Array } list)
        {
            return false;
        }

        foreach (var device in list.EnumerateArray())
        {
            if (device.ValueKind == JsonValueKind.Object
                && device.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "clock"
                && device.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
                && details.TryGetProperty("suspect", out var suspect) && suspect.ValueKind == JsonValueKind.String && suspect.GetString() == "true")
            {
                return true;
            }
        }

        return false;
    }
}
