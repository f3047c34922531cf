using System.Device.I2c;
using System.Globalization;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.EnvironmentSensor;

/// <summary>
/// Bosch BME280 (or BMP280, which lacks humidity) through Iot.Device.Bindings' Bmxx80 drivers, which use the
/// datasheet's double-precision compensation. The chip runs in normal mode so a read never waits for a conversion.
/// </summary>
public sealed class Bme280EnvironmentSensor : IEnvironmentSensor, IDisposable
{
    public const byte ChipIdRegister = 0xD0;
    public const byte Bme280ChipId = 0x60;
    public const byte Bmp280ChipId = 0x58;

    private readonly DeviceConnection<Bmx280Base> _connection;
    private readonly HealthTracker _health;

    public Bme280EnvironmentSensor(string deviceId, Func<I2cDevice> open, TimeProvider time)
    {
        DeviceId = deviceId;
        _health = new HealthTracker(deviceId, DeviceKinds.Environment, time);
        _health.SetDetail("driver", "bme280");
        _connection = new DeviceConnection<Bmx280Base>(() => Open(open()));
    }

    public string DeviceId { get; }

    public bool TryRead(out EnvironmentReading reading)
    {
        var result = DeviceGuard.Run(_health, () => _connection.Use(Read));
        reading = result.Value;
        if (result.Succeeded)
        {
            _health.SetDetail("temperature", reading.TemperatureCelsius.ToString("0.0", CultureInfo.InvariantCulture) + " C");
        }

        return result.Succeeded;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    /// <summary>The two bindings are separate classes, so the chip id picks one; the binding then owns the bus.</summary>
    internal static Bmx280Base Open(I2cDevice bus)
    {
        try
        {
            Span<byte> id = stackalloc byte[1];
            bus.WriteRead([ChipIdRegister], id);
            Bmx280Base sensor = id[0] switch
            {
                Bme280ChipId => new Bme280(bus) { HumiditySampling = Sampling.UltraLowPower },
                Bmp280ChipId => new Bmp280(bus),
                _ => throw new DeviceFaultException($"chip id 0x{id[0]:X2} is neither BME280 (0x60) nor BMP280 (0x58)"),
            };
            sensor.TemperatureSampling = Sampling.UltraLowPower;
            sensor.PressureSampling = Sampling.UltraLowPower;
            sensor.StandbyTime = StandbyTime.Ms1000;
            sensor.SetPowerMode(Bmx280PowerMode.Normal);
            return sensor;
        }
        catch
        {
            bus.Dispose();
            throw;
        }
    }

    private static EnvironmentReading Read(Bmx280Base sensor)
    {
        if (!sensor.TryReadTemperature(out var temperature) || !sensor.TryReadPressure(out var pressure))
        {
            throw new DeviceFaultException("BMx280 skipped the temperature or pressure measurement");
        }

        double? humidity = sensor is Bme280 bme && bme.TryReadHumidity(out var relative) ? relative.Percent : null;
        return new EnvironmentReading(temperature.DegreesCelsius, pressure.Pascals, humidity);
    }
}
