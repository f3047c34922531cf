using System.Collections.Immutable;
using OneStop.Hardware.Health;

namespace OneStop.Edge.Devices;

/// <summary>The latest health of every peripheral, read by the sync round (to report to the hub) and the status API.</summary>
public sealed class DeviceHealthBoard
{
    private IReadOnlyList<DeviceHealth> _current = [];
    private ImmutableDictionary<string, DeviceHealth> _extra = ImmutableDictionary<string, DeviceHealth>.Empty;

    /// <summary>The peripherals, then the node's own parts that report like devices (its storage).</summary>
    public IReadOnlyList<DeviceHealth> Current => [.. Volatile.Read(ref _current), .. Volatile.Read(ref _extra).Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal)];

    /// <summary>Health of a part of the node that is not a peripheral, kept apart from the peripherals' list that <see cref="Publish"/> replaces.</summary>
    public void PublishExtra(DeviceHealth health) => ImmutableInterlocked.Update(ref _extra, extra => extra.SetItem(health.DeviceId, health));

    public void Publish(IReadOnlyList<DeviceHealth> health) => Volatile.Write(ref _current, health);
}
