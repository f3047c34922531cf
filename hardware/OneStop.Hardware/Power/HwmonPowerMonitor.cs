using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Power;

/// <summary>
/// INA219 through the kernel's hwmon <c>ina2xx</c> driver (dtoverlay or device tree with shunt-resistor set):
/// <c>in1_input</c> bus mV, <c>curr1_input</c> mA (signed), <c>power1_input</c> µW.
/// </summary>
public sealed class HwmonPowerMonitor : IPowerMonitor
{
    private readonly string _directory;
    private readonly HealthTracker _health;
    private readonly BatteryModel _battery;
    private readonly LowBatteryWatch _watch;

    public HwmonPowerMonitor(string deviceId, string hwmonDirectory, BatteryModel battery, double lowBatteryPercent, TimeProvider time)
    {
        DeviceId = deviceId;
        _directory = hwmonDirectory;
        _battery = battery;
        _watch = new LowBatteryWatch(lowBatteryPercent);
        _health = new HealthTracker(deviceId, DeviceKinds.Power, time);
        _health.SetDetail("driver", "hwmon");
    }

    public event EventHandler<PowerReading>? BatteryLow;

    public string DeviceId { get; }

    public bool TryRead(out PowerReading reading)
    {
        var result = DeviceGuard.Run(_health, () =>
        {
            var volts = ReadNumber("in1_input") / 1000.0;
            var amps = ReadNumber("curr1_input") / 1000.0;
            var watts = File.Exists(Path.Combine(_directory, "power1_input")) ? ReadNumber("power1_input") / 1e6 : Math.Abs(volts * amps);
            return new PowerReading(volts, amps, watts, _battery.PercentFromVolts(volts));
        });
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

    private long ReadNumber(string name)
    {
        var text = File.ReadAllText(Path.Combine(_directory, name)).Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{name} holds '{text}', not a number");
    }
}
