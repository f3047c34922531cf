using System.Globalization;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.EnvironmentSensor;

public sealed class Bme280EnvironmentSensor : IEnvironmentSensor, IDisposable
{
    private readonly DeviceConnection<InitializedBme280> _connection;
    private readonly HealthTracker _health;

    public Bme280EnvironmentSensor(string deviceId, Func<II2cDevice> open, TimeProvider time)
    {
        DeviceId = deviceId;
        _health = new HealthTracker(deviceId, DeviceKinds.Environment, time);
        _health.SetDetail("driver", "bme280");
        _connection = new DeviceConnection<InitializedBme280>(() =>
        {
            var bus = open();
            try
            {
                var sensor = new Bme280(bus);
                sensor.Initialize();
                return new InitializedBme280(bus, sensor);
            }
            catch
            {
                bus.Dispose();
                throw;
            }
        });
    }

    public string DeviceId { get; }

    public bool TryRead(out EnvironmentReading reading)
    {
        var result = DeviceGuard.Run(_health, () => _connection.Use(c => c.Sensor.Read()));
        reading = result.Value;
        if (result.Succeeded)
        {
            _health.SetDetail("temperature", reading.TemperatureCelsius.ToString("0.0", CultureInfo.InvariantCulture) + " C");
        }

        return result.Succeeded;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    private sealed record InitializedBme280(II2cDevice Bus, Bme280 Sensor) : IDisposable
    {
        public void Dispose() => Bus.Dispose();
    }
}
