using System.Device.I2c;
using System.Globalization;
using Iot.Device.Rtc;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Clock;

/// <summary>
/// A DS3231 through the dotnet/iot binding (<see cref="Ds3231"/>) for the time registers, plus the status register's
/// oscillator-stop flag, which the binding does not expose: a set OSF means the battery ran flat and the time is junk.
/// The bus is opened on first use, so a missing module shows in health instead of stopping start-up.
/// </summary>
public sealed class Ds3231RealTimeClock(string deviceId, Func<I2cDevice> open, TimeProvider time) : IRealTimeClock, IDisposable
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health = new(deviceId, DeviceKinds.Clock, time);
    private I2cDevice? _bus;
    private Ds3231? _rtc;

    public string DeviceId => deviceId;

    public bool TryRead(out RtcReading reading)
    {
        lock (_gate)
        {
            try
            {
                var (bus, rtc) = Open();
                var stopped = (ReadStatus(bus) & Ds3231Registers.OscillatorStopFlag) != 0;
                var utc = new DateTimeOffset(DateTime.SpecifyKind(rtc.RtcDateTime, DateTimeKind.Utc));
                reading = new RtcReading(utc, stopped);
                _health.Succeeded();
                _health.SetDetail("time", utc.ToString("O", CultureInfo.InvariantCulture));
                _health.SetDetail("oscillatorStopped", stopped ? "true" : "false");
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or PlatformNotSupportedException)
            {
                Fail(ex);
                reading = default!;
                return false;
            }
        }
    }

    public bool TrySet(DateTimeOffset utc)
    {
        lock (_gate)
        {
            try
            {
                var (bus, rtc) = Open();
                rtc.RtcDateTime = utc.UtcDateTime;

                // A freshly set time is good again: clear OSF, keeping the other status bits.
                var status = ReadStatus(bus);
                bus.Write([Ds3231Registers.Status, (byte)(status & ~Ds3231Registers.OscillatorStopFlag)]);
                _health.Succeeded();
                _health.SetDetail("setAt", utc.ToString("O", CultureInfo.InvariantCulture));
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or PlatformNotSupportedException)
            {
                Fail(ex);
                return false;
            }
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose()
    {
        lock (_gate)
        {
            _rtc?.Dispose();
            _rtc = null;
            _bus = null;
        }
    }

    private (I2cDevice Bus, Ds3231 Rtc) Open()
    {
        if (_bus is null || _rtc is null)
        {
            _bus = open();
            _rtc = new Ds3231(_bus);
        }

        return (_bus, _rtc);
    }

    private static byte ReadStatus(I2cDevice bus)
    {
        Span<byte> status = stackalloc byte[1];
        bus.WriteRead([Ds3231Registers.Status], status);
        return status[0];
    }

    private void Fail(Exception ex)
    {
        _health.Failed(ex.Message);
        _rtc?.Dispose();
        _rtc = null;
        _bus = null;
    }
}
