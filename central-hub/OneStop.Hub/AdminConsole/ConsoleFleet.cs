using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Fleet;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The fleet page's view of the hub: every registered node (also those that never called) with the state
/// <see cref="NodeHealth"/> gives it, and the history <see cref="NodeHistorySampler"/> kept.
/// </summary>
public sealed class ConsoleFleet(HubStore store, NodeHistory history, IOptions<HubOptions> options, TimeProvider time) : IConsoleFleet
{
    public async Task<IReadOnlyList<FleetNode>> ListAsync(CancellationToken cancellationToken)
    {
        var states = (await store.ListNodeStatesAsync(cancellationToken)).ToDictionary(s => s.NodeId, StringComparer.Ordinal);
        var communes = options.Value.Nodes.ToDictionary(n => n.Id, n => n.CommuneCode, StringComparer.Ordinal);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return [.. communes.Keys.Union(states.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => ToFleetNode(id, communes.GetValueOrDefault(id), states.GetValueOrDefault(id), now))];
    }

    public async Task<FleetNodeDetail?> GetAsync(string nodeId, CancellationToken cancellationToken)
    {
        var state = (await store.ListNodeStatesAsync(cancellationToken)).FirstOrDefault(s => s.NodeId == nodeId);
        var commune = options.Value.Nodes.FirstOrDefault(n => n.Id == nodeId)?.CommuneCode;
        if (state is null && commune is null)
        {
            return null;
        }

        var node = ToFleetNode(nodeId, commune, state, time.GetUtcNow().ToUnixTimeMilliseconds());
        var events = state?.Incarnations?.Events.Select(e => new FleetEvent(e.AtMs, e.Kind, e.Reason)).OrderByDescending(e => e.AtMs).ToList() ?? [];
        return new FleetNodeDetail(node, await history.ReadAsync(nodeId, 200, cancellationToken), events);
    }

    public static FleetNode ToFleetNode(string nodeId, string? communeCode, NodeState? state, long nowMs)
    {
        var devices = Devices(state?.Devices);
        var health = NodeHealth.Classify(
            new NodeHealthInput(state?.LastSeenMs, state?.ClockOffsetMs, null, state?.ReportedBacklog, state?.LastError, devices.Count(d => d.Faulty)),
            nowMs);
        return new FleetNode(nodeId, communeCode, state?.LastSeenMs, state?.ReportedBacklog, state?.ClockOffsetMs, state?.SoftwareVersion, devices, state?.LastError, health);
    }

    public static IReadOnlyList<FleetDevice> Devices(JsonElement? devices) =>
        devices is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(d => new FleetDevice(
                Text(d, "deviceId") ?? string.Empty,
                Text(d, "kind") ?? string.Empty,
                !d.TryGetProperty("connected", out var connected) || connected.ValueKind != JsonValueKind.False,
                Text(d, "lastError")))]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
