using OneStop.Hardware.Health;

namespace OneStop.Hardware.Display;

public sealed class SimulatedStatusDisplay : IStatusDisplay
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private string[] _lines;

    public SimulatedStatusDisplay(string deviceId, int columns, int rows, TimeProvider time)
    {
        DeviceId = deviceId;
        Columns = columns;
        Rows = rows;
        _lines = [.. Enumerable.Repeat(new string(' ', columns), rows)];
        _health = new HealthTracker(deviceId, DeviceKinds.Display, time);
        _health.SetDetail("driver", "simulator");
        _health.Succeeded();
    }

    public string DeviceId { get; }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Exactly what an HD44780 would show: ASCII, padded to the width.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public DeviceResult Show(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (_gate)
        {
            _lines = [.. Enumerable.Range(0, Rows).Select(row => StatusScreen.FitLine(row < lines.Count ? lines[row] : string.Empty, Columns))];
            _health.Succeeded();
            return DeviceResult.Ok;
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
