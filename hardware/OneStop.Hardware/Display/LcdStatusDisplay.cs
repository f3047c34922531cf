using System.Device.I2c;
using System.Drawing;
using Iot.Device.CharacterLcd;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Display;

/// <summary>A 16×2 or 20×4 HD44780 behind a PCF8574 backpack, driven by Iot.Device.Bindings' CharacterLcd (4-bit I2C interface).</summary>
public sealed class LcdStatusDisplay : IStatusDisplay, IDisposable
{
    private readonly DeviceConnection<LcdOnBus> _connection;
    private readonly HealthTracker _health;

    public LcdStatusDisplay(string deviceId, Func<I2cDevice> open, int columns, int rows, TimeProvider time, Action<TimeSpan>? wait = null)
    {
        DeviceId = deviceId;
        Columns = columns;
        Rows = rows;
        _health = new HealthTracker(deviceId, DeviceKinds.Display, time);
        _health.SetDetail("driver", "pcf8574");
        var delay = wait ?? Thread.Sleep;
        _connection = new DeviceConnection<LcdOnBus>(() =>
        {
            var bus = open();
            try
            {
                Hd44780Resync.Run(bus, delay);
                return new LcdOnBus(bus, new Hd44780(new Size(columns, rows), LcdInterface.CreateI2c(bus, uses8Bit: false)));
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
                c.Lcd.SetCursorPosition(0, row);
                c.Lcd.Write(StatusScreen.FitLine(row < lines.Count ? lines[row] : string.Empty, Columns));
            }
        }));
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    /// <summary>The binding's I2C interface leaves the bus open on dispose, so the bus is closed here.</summary>
    private sealed record LcdOnBus(I2cDevice Bus, Hd44780 Lcd) : IDisposable
    {
        public void Dispose()
        {
            Lcd.Dispose();
            Bus.Dispose();
        }
    }
}
