using OneStop.Core.Fleet;

namespace OneStop.HubConsole.Ports;

/// <summary>The fleet as the console shows it; the hub adapts its node table and history to this.</summary>
public interface IConsoleFleet
{
    Task<IReadOnlyList<FleetNode>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One node with what the hub sampled of it over time, newest first; null when the hub knows no such node.</summary>
    Task<FleetNodeDetail?> GetAsync(string nodeId, CancellationToken cancellationToken);
}

public sealed record FleetDevice(string DeviceId, string Kind, bool Connected, string? LastError)
{
    public bool Faulty => !Connected || !string.IsNullOrEmpty(LastError);
}

public sealed record FleetNode(
    string NodeId,
    string? CommuneCode,
    long? LastSeenMs,
    long? ReportedBacklog,
    long? ClockOffsetMs,
    string? SoftwareVersion,
    IReadOnlyList<FleetDevice> Devices,
    string? LastRefusal,
    NodeHealthState State);

/// <summary>A sample of a node's state when it said hello, kept for the node page's history.</summary>
public sealed record FleetSample(long SeenMs, long? Backlog, long? ClockOffsetMs, string? SoftwareVersion, string? LastRefusal, int FaultyDevices);

/// <summary>Something that happened to the node (moved card, restored backup), as the hub recorded it.</summary>
public sealed record FleetEvent(long AtMs, string Kind, string Reason);

public sealed record FleetNodeDetail(FleetNode Node, IReadOnlyList<FleetSample> History, IReadOnlyList<FleetEvent> Events);
