namespace OneStop.Hardware.Health;

/// <summary>Thread-safe bookkeeping behind <see cref="IDevice.ReadHealth"/>; drivers report each outcome here.</summary>
public sealed class HealthTracker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _details = new(StringComparer.Ordinal);
    private bool _connected;
    private string? _lastError;
    private DateTimeOffset? _lastSeen;

    public HealthTracker(string deviceId, string kind, TimeProvider time)
    {
        DeviceId = deviceId;
        Kind = kind;
        _time = time;
    }

    public string DeviceId { get; }

    public string Kind { get; }

    public void Succeeded()
    {
        lock (_gate)
        {
            _connected = true;
            _lastError = null;
            _lastSeen = _time.GetUtcNow();
        }
    }

    /// <summary>Records a fault; the last error stays until the next success so the device page can show why.</summary>
    public void Failed(string error, bool connected = false)
    {
        lock (_gate)
        {
            _connected = connected;
            _lastError = error;
        }
    }

    public void SetDetail(string key, string? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _details.Remove(key);
            }
            else
            {
                _details[key] = value;
            }
        }
    }

    public DeviceHealth Snapshot()
    {
        lock (_gate)
        {
            return new DeviceHealth(DeviceId, Kind, _connected, _lastError, _lastSeen, new Dictionary<string, string>(_details, StringComparer.Ordinal));
        }
    }
}
