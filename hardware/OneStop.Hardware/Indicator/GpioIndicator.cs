using System.Device.Gpio;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Indicator;

/// <summary>Two LEDs and an active buzzer on GPIO lines; beeps end on a <see cref="TimeProvider"/> timer, not a sleep.</summary>
public sealed class GpioIndicator : IIndicator, IDisposable
{
    public static readonly TimeSpan ShortBeep = TimeSpan.FromMilliseconds(80);
    public static readonly TimeSpan LongBeep = TimeSpan.FromMilliseconds(600);
    private readonly DeviceConnection<IndicatorLines> _connection;
    private readonly HealthTracker _health;
    private readonly ITimer _beepTimer;

    public GpioIndicator(string deviceId, Func<IndicatorLines> open, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        DeviceId = deviceId;
        _connection = new DeviceConnection<IndicatorLines>(open);
        _health = new HealthTracker(deviceId, DeviceKinds.Indicator, time);
        _health.SetDetail("driver", "gpio");
        _beepTimer = time.CreateTimer(_ => DeviceGuard.Run(_health, () => _connection.Use(lines => lines.Write(lines.Buzzer, false))), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string DeviceId { get; }

    public DeviceResult Signal(IndicatorSignal signal)
    {
        var (green, red, beep) = signal switch
        {
            IndicatorSignal.Ready => (true, false, TimeSpan.Zero),
            IndicatorSignal.Busy => (true, true, TimeSpan.Zero),
            IndicatorSignal.Success => (true, false, ShortBeep),
            IndicatorSignal.Error => (false, true, LongBeep),
            _ => (false, false, TimeSpan.Zero),
        };
        var result = DeviceGuard.Run(_health, () => _connection.Use(lines =>
        {
            lines.Write(lines.Green, green);
            lines.Write(lines.Red, red);
            lines.Write(lines.Buzzer, beep > TimeSpan.Zero);
        }));
        if (result.Succeeded && beep > TimeSpan.Zero)
        {
            _beepTimer.Change(beep, Timeout.InfiniteTimeSpan);
        }

        _health.SetDetail("signal", signal.ToString());
        return result;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose()
    {
        _beepTimer.Dispose();
        _connection.Dispose();
    }
}

/// <summary>The three output pins on one <see cref="GpioController"/>; disposing closes them and the controller.</summary>
public sealed class IndicatorLines : IDisposable
{
    private readonly GpioController _controller;

    private IndicatorLines(GpioController controller, int green, int red, int buzzer)
    {
        _controller = controller;
        Green = green;
        Red = red;
        Buzzer = buzzer;
    }

    public int Green { get; }

    public int Red { get; }

    public int Buzzer { get; }

    public static IndicatorLines Open(GpioController controller, int greenPin, int redPin, int buzzerPin)
    {
        ArgumentNullException.ThrowIfNull(controller);
        try
        {
            foreach (var pin in new[] { greenPin, redPin, buzzerPin })
            {
                controller.OpenPin(pin, PinMode.Output, PinValue.Low);
            }

            return new IndicatorLines(controller, greenPin, redPin, buzzerPin);
        }
        catch
        {
            // The controller closes whichever pins it opened.
            controller.Dispose();
            throw;
        }
    }

    public void Write(int pin, bool on) => _controller.Write(pin, on ? PinValue.High : PinValue.Low);

    public void Dispose() => _controller.Dispose();
}
