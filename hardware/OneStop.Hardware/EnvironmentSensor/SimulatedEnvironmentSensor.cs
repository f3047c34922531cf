using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.EnvironmentSensor;

public sealed class SimulatedEnvironmentSensor : IEnvironmentSensor
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private EnvironmentReading _reading = new(29.5, 100_800, 78);

    public SimulatedEnvironmentSensor(string deviceId, TimeProvider time)
    {
        DeviceId = deviceId;
        _health = new HealthTracker(deviceId, DeviceKinds.Environment, time);
        _health.SetDetail("driver", "simulator");
        _health.Succeeded();
    }

    public string DeviceId { get; }

    public void Set(EnvironmentReading reading)
    {
        lock (_gate)
        {
            _reading = reading;
        }
    }

    public bool TryRead(out EnvironmentReading reading)
    {
        lock (_gate)
        {
            reading = _reading;
            _health.Succeeded();
            _health.SetDetail("temperature", reading.TemperatureCelsius.ToString("0.0", CultureInfo.InvariantCulture) + " C");
            return true;
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
