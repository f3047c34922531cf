using OneStop.Hardware.Buses;
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
        _beepTimer = time.CreateTimer(_ => DeviceGuard.Run(_health, () => _connection.Use(lines => lines.Buzzer.Write(false))), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
            lines.Green.Write(green);
            lines.Red.Write(red);
            lines.Buzzer.Write(beep > TimeSpan.Zero);
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

/// <summary>The requested lines; disposing releases them and the chip.</summary>
public sealed class IndicatorLines : IDisposable
{
    private readonly IGpioChip _chip;

    private IndicatorLines(IGpioChip chip, IGpioLine green, IGpioLine red, IGpioLine buzzer)
    {
        _chip = chip;
        Green = green;
        Red = red;
        Buzzer = buzzer;
    }

    public IGpioLine Green { get; }

    public IGpioLine Red { get; }

    public IGpioLine Buzzer { get; }

    public static IndicatorLines Request(IGpioChip chip, int greenLine, int redLine, int buzzerLine)
    {
        ArgumentNullException.ThrowIfNull(chip);
        var requested = new List<IGpioLine>();
        try
        {
            requested.Add(chip.RequestOutput(greenLine, false, "onestop-green"));
            requested.Add(chip.RequestOutput(redLine, false, "onestop-red"));
            requested.Add(chip.RequestOutput(buzzerLine, false, "onestop-buzzer"));
            return new IndicatorLines(chip, requested[0], requested[1], requested[2]);
        }
        catch
        {
            requested.ForEach(line => line.Dispose());
            chip.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Green.Dispose();
        Red.Dispose();
        Buzzer.Dispose();
        _chip.Dispose();
    }
}
