using OneStop.Hardware.Health;

namespace OneStop.Hardware;

public interface IDevice
{
    string DeviceId { get; }

    DeviceHealth ReadHealth();
}
