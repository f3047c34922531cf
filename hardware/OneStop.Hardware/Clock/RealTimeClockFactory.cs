using System.Device.I2c;

namespace OneStop.Hardware.Clock;

/// <summary>Options in, clock module out (null when the node has none).</summary>
public static class RealTimeClockFactory
{
    public const string DeviceId = "rtc";

    public static IRealTimeClock? Create(ClockOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Is(ClockOptions.None))
        {
            return null;
        }

        if (options.IsSimulator)
        {
            var chip = new SimulatedDs3231(time, (options.SimulatorStartUtc ?? time.GetUtcNow()).UtcDateTime, options.SimulatorOscillatorStopped);
            return new Ds3231RealTimeClock(DeviceId, () => chip, time);
        }

        if (options.Is(DriverNames.Ds3231, DriverNames.Linux))
        {
            return new Ds3231RealTimeClock(DeviceId, () => I2cDevice.Create(new I2cConnectionSettings(options.I2cBus, options.I2cAddress)), time);
        }

        throw new ArgumentException($"Hardware:Clock:Driver '{options.Driver}' is not a known driver for this device", nameof(options));
    }
}
