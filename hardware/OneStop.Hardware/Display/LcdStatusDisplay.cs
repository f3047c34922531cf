using OneStop.Hardware.Buses;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Display;

public sealed class LcdStatusDisplay : IStatusDisplay, IDisposable
{
    private readonly DeviceConnection<InitializedLcd> _connection;
    private readonly HealthTracker _health;

    public LcdStatusDisplay(string deviceId, Func<II2cDevice> open, int columns, int rows, TimeProvider time, Action<TimeSpan>? wait = null)
    {
        DeviceId = deviceId;
        Columns = columns;
        Rows = rows;
        _health = new HealthTracker(deviceId, DeviceKinds.Display, time);
        _health.SetDetail("driver", "pcf8574");
        var delay = wait ?? Thread.Sleep;
        _connection = new DeviceConnection<InitializedLcd>(() =>
        {
            var bus = open();
            try
            {
                var lcd = new Hd44780Pcf8574(bus, delay);
                lcd.Initialize();
                return new InitializedLcd(bus, lcd);
            }
            catch
            {
                bus.Dispose();
                throw;
            }
        });
    }

    public string DeviceId { get; }

    public int Columns { get; }

    public int Rows { get; }

    public DeviceResult Show(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return DeviceGuard.Run(_health, () => _connection.Use(c =>
        {
            for (var row = 0; row < Rows; row++)
            {
                c.Lcd.SetCursor(0, row);
                c.Lcd.Write(StatusScreen.FitLine(row < lines.Count ? lines[row] : string.Empty, Columns));
            }
        }));
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    private sealed record InitializedLcd(II2cDevice Bus, Hd44780Pcf8574 Lcd) : IDisposable
    {
        public void Dispose() => Bus.Dispose();
    }
}
