using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.EnvironmentSensor;

/// <summary>
/// BME280 through the kernel IIO <c>bmp280</c> driver (<c>dtoverlay=i2c-sensor,bme280</c>): processed values in
/// <c>in_temp_input</c> (m°C), <c>in_pressure_input</c> (kPa), <c>in_humidityrelative_input</c> (m%RH).
/// </summary>
public sealed class IioEnvironmentSensor : IEnvironmentSensor
{
    private readonly string _directory;
    private readonly HealthTracker _health;

    public IioEnvironmentSensor(string deviceId, string iioDeviceDirectory, TimeProvider time)
    {
        DeviceId = deviceId;
        _directory = iioDeviceDirectory;
        _health = new HealthTracker(deviceId, DeviceKinds.Environment, time);
        _health.SetDetail("driver", "iio");
    }

    public string DeviceId { get; }

    public bool TryRead(out EnvironmentReading reading)
    {
        var result = DeviceGuard.Run(_health, () =>
        {
            var humidityPath = Path.Combine(_directory, "in_humidityrelative_input");
            double? humidity = File.Exists(humidityPath) ? Read(humidityPath) / 1000.0 : null;
            return new EnvironmentReading(Read(Path.Combine(_directory, "in_temp_input")) / 1000.0, Read(Path.Combine(_directory, "in_pressure_input")) * 1000.0, humidity);
        });
        reading = result.Value;
        return result.Succeeded;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    private static double Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{path} holds '{text}', not a number");
    }
}
