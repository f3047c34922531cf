using OneStop.Hardware.Health;

namespace OneStop.Edge.Devices;

/// <summary>The latest health of every peripheral, read by the sync round (to report to the hub) and the status API.</summary>
public sealed class DeviceHealthBoard
{
    private IReadOnlyList<DeviceHealth> _current = [];

    public IReadOnlyList<DeviceHealth> Current => Volatile.Read(ref _current);

    public void Publish(IReadOnlyList<DeviceHealth> health) => Volatile.Write(ref _current, health);
}
