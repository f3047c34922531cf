using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Power;

/// <summary>A UPS whose battery the device page can set or drain, to rehearse the low-battery stop.</summary>
public sealed class SimulatedPowerMonitor : IPowerMonitor
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private readonly BatteryModel _battery;
    private readonly LowBatteryWatch _watch;
    private double _percent = 100.0;
    private double _currentAmps = 0.8;

    public SimulatedPowerMonitor(string deviceId, BatteryModel battery, double lowBatteryPercent, TimeProvider time)
    {
        DeviceId = deviceId;
        _battery = battery;
        _watch = new LowBatteryWatch(lowBatteryPercent);
        _health = new HealthTracker(deviceId, DeviceKinds.Power, time);
        _health.SetDetail("driver", "simulator");
        _health.Succeeded();
    }

    public event EventHandler<PowerReading>? BatteryLow;

    public string DeviceId { get; }

    public void SetBatteryPercent(double percent)
    {
        lock (_gate)
        {
            _percent = Math.Clamp(percent, 0.0, 100.0);
        }
    }

    /// <summary>Removes charge, as an hour on battery would; the next read reports (and may raise low battery).</summary>
    public void Drain(double percent)
    {
        lock (_gate)
        {
            _percent = Math.Clamp(_percent - percent, 0.0, 100.0);
            _currentAmps = Math.Abs(_currentAmps);
        }
    }

    /// <summary>Positive = discharging into the load, negative = charging.</summary>
    public void SetCurrent(double amps)
    {
        lock (_gate)
        {
            _currentAmps = amps;
        }
    }

    public bool TryRead(out PowerReading reading)
    {
        bool crossed;
        lock (_gate)
        {
            var volts = _battery.VoltsFromPercent(_percent);
            reading = new PowerReading(volts, _currentAmps, volts * Math.Abs(_currentAmps), _percent);
            crossed = _watch.Observe(reading);
            _health.Succeeded();
            _health.SetDetail("battery", _percent.ToString("0", CultureInfo.InvariantCulture) + "%");
            _health.SetDetail("charging", reading.Charging ? "yes" : "no");
        }

        if (crossed)
        {
            BatteryLow?.Invoke(this, reading);
        }

        return true;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
