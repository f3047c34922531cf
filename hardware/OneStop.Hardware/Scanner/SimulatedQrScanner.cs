using OneStop.Hardware.Health;

namespace OneStop.Hardware.Scanner;

public sealed class SimulatedQrScanner : IQrScanner
{
    private readonly HealthTracker _health;
    private readonly TimeProvider _time;

    public SimulatedQrScanner(string deviceId, TimeProvider time)
    {
        DeviceId = deviceId;
        _time = time;
        _health = new HealthTracker(deviceId, DeviceKinds.Scanner, time);
        _health.SetDetail("driver", "simulator");
        _health.Succeeded();
    }

    public event EventHandler<ScannedCode>? Scanned;

    public string DeviceId { get; }

    /// <summary>Delivers a code as if scanned, e.g. a CCCD QR pasted on the device page.</summary>
    public void Inject(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _health.Succeeded();
        Scanned?.Invoke(this, new ScannedCode(code, _time.GetUtcNow()));
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
