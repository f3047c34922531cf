using System.Device.I2c;
using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Power;

/// <summary>UPS monitor on an INA219; the bus is reopened and the chip recalibrated after any fault (a brown-out resets it).</summary>
public sealed class Ina219PowerMonitor : IPowerMonitor, IDisposable
{
    private readonly DeviceConnection<CalibratedIna219> _connection;
    private readonly HealthTracker _health;
    private readonly BatteryModel _battery;
    private readonly LowBatteryWatch _watch;

    public Ina219PowerMonitor(string deviceId, Func<I2cDevice> open, double shuntOhms, double maxCurrentAmps, BatteryModel battery, double lowBatteryPercent, TimeProvider time)
    {
        DeviceId = deviceId;
        _battery = battery;
        _watch = new LowBatteryWatch(lowBatteryPercent);
        _health = new HealthTracker(deviceId, DeviceKinds.Power, time);
        _connection = new DeviceConnection<CalibratedIna219>(() =>
        {
            var bus = open();
            try
            {
                var chip = new Ina219(bus);
                chip.Calibrate(shuntOhms, maxCurrentAmps);
                return new CalibratedIna219(bus, chip);
            }
            catch
            {
                bus.Dispose();
                throw;
            }
        });
    }

    public event EventHandler<PowerReading>? BatteryLow;

    public string DeviceId { get; }

    public bool TryRead(out PowerReading reading)
    {
        var result = DeviceGuard.Run(_health, () => _connection.Use(c =>
        {
            var volts = c.Chip.ReadBusVoltage();
            return new PowerReading(volts, c.Chip.ReadCurrent(), c.Chip.ReadPower(), _battery.PercentFromVolts(volts));
        }));
        reading = result.Value;
        if (!result.Succeeded)
        {
            return false;
        }

        PowerHealth.Describe(_health, reading);
        if (_watch.Observe(reading))
        {
            BatteryLow?.Invoke(this, reading);
        }

        return true;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    private sealed record CalibratedIna219(I2cDevice Bus, Ina219 Chip) : IDisposable
    {
        public void Dispose() => Bus.Dispose();
    }
}

internal static class PowerHealth
{
    public static void Describe(HealthTracker health, PowerReading reading)
    {
        health.SetDetail("battery", reading.BatteryPercent.ToString("0", CultureInfo.InvariantCulture) + "%");
        health.SetDetail("volts", reading.BusVolts.ToString("0.00", CultureInfo.InvariantCulture));
        health.SetDetail("charging", reading.Charging ? "yes" : "no");
    }
}
