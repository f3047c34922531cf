using OneStop.Hardware.Health;

namespace OneStop.Hardware.Indicator;

public sealed class SimulatedIndicator : IIndicator
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private readonly List<IndicatorSignal> _history = [];

    public SimulatedIndicator(string deviceId, TimeProvider time)
    {
        DeviceId = deviceId;
        _health = new HealthTracker(deviceId, DeviceKinds.Indicator, time);
        _health.SetDetail("driver", "simulator");
        _health.Succeeded();
    }

    public string DeviceId { get; }

    public IndicatorSignal Current { get; private set; }

    public IReadOnlyList<IndicatorSignal> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    public DeviceResult Signal(IndicatorSignal signal)
    {
        lock (_gate)
        {
            Current = signal;
            _history.Add(signal);
            if (_history.Count > 100)
            {
                _history.RemoveAt(0);
            }

            _health.Succeeded();
            _health.SetDetail("signal", signal.ToString());
            return DeviceResult.Ok;
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
