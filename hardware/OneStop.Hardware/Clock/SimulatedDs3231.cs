using System.Device.I2c;

namespace OneStop.Hardware.Clock;

/// <summary>
/// A DS3231 on a simulated I2C bus: the register file of the datasheet (BCD time registers, control, status with
/// OSF, temperature), the address pointer that auto-increments and wraps after 12h, time that runs on a monotonic
/// clock, and the user buffer that freezes the time registers while a read is under way. The real
/// <c>Iot.Device.Rtc.Ds3231</c> binding talks to it as to the chip.
/// </summary>
public sealed class SimulatedDs3231 : I2cDevice
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly byte[] _registers = new byte[Ds3231Registers.Count];
    private DateTime _setTo;
    private long _setAt;
    private bool _running;
    private int _setDay;
    private int _pointer;

    /// <summary>
    /// A chip holding <paramref name="startUtc"/> and running; <paramref name="oscillatorStopped"/> leaves OSF set, as
    /// after a flat battery. Without a start time the chip is as at first power-on: 01/01/00 00:00:00 and OSF set.
    /// </summary>
    public SimulatedDs3231(TimeProvider time, DateTime? startUtc = null, bool oscillatorStopped = false)
    {
        _time = time;
        ConnectionSettings = new I2cConnectionSettings(1, Ds3231Registers.Address);
        _registers[Ds3231Registers.Control] = Ds3231Registers.ControlAtPowerOn;
        _registers[Ds3231Registers.Status] = Ds3231Registers.StatusAtPowerOn;
        _registers[Ds3231Registers.TemperatureMsb] = 25;
        if (startUtc is { } start)
        {
            _registers[Ds3231Registers.Status] = oscillatorStopped ? Ds3231Registers.StatusAtPowerOn : (byte)(Ds3231Registers.StatusAtPowerOn & ~Ds3231Registers.OscillatorStopFlag);
            Encode(start, (int)start.DayOfWeek + 1);
        }
        else
        {
            // Datasheet: on first application of power the time and date registers reset to 01/01/00 01 00:00:00.
            Encode(new DateTime(1900, 1, 1), 1);
        }

        Remember();
        _running = true;
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>The raw registers as they would read now (time registers brought up to date).</summary>
    public byte[] Registers
    {
        get
        {
            lock (_gate)
            {
                Latch();
                return (byte[])_registers.Clone();
            }
        }
    }

    /// <summary>Main power and the backup battery both gone: the oscillator stops, OSF is set, time stands still until it is set again.</summary>
    public void StopOscillator()
    {
        lock (_gate)
        {
            Latch();
            Remember();
            _running = false;
            _registers[Ds3231Registers.Status] |= Ds3231Registers.OscillatorStopFlag;
        }
    }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            // The user buffer: the time registers are copied once at the start of the transfer.
            Latch();
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _registers[_pointer];
                _pointer = (_pointer + 1) % Ds3231Registers.Count;
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>First byte: the register address; the rest are written from there on, the pointer auto-incrementing.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            Latch();
            _pointer = buffer[0] % Ds3231Registers.Count;
            var timeWritten = false;
            foreach (var value in buffer[1..])
            {
                if (_pointer == Ds3231Registers.Status)
                {
                    // OSF can only be cleared by software, never set; the alarm flags likewise.
                    var current = _registers[_pointer];
                    _registers[_pointer] = (byte)((value & 0x7C) | (current & value & 0x83));
                }
                else if (_pointer is not (Ds3231Registers.TemperatureMsb or Ds3231Registers.TemperatureLsb))
                {
                    _registers[_pointer] = value;
                }

                timeWritten |= _pointer <= Ds3231Registers.Year;
                _pointer = (_pointer + 1) % Ds3231Registers.Count;
            }

            if (timeWritten)
            {
                // Writing the time resets the countdown chain: the new second starts now (power is back to write it).
                Remember();
                _running = true;
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void Remember()
    {
        _setTo = Decode();
        _setDay = _registers[Ds3231Registers.Day];
        _setAt = _time.GetTimestamp();
    }

    private void Latch()
    {
        if (!_running)
        {
            return;
        }

        var now = _setTo + _time.GetElapsedTime(_setAt);
        var days = (now.Date - _setTo.Date).Days;
        Encode(now, ((((_setDay - 1 + days) % 7) + 7) % 7) + 1);
    }

    private void Encode(DateTime moment, int dayOfWeek)
    {
        var twelveHour = (_registers[Ds3231Registers.Hours] & Ds3231Registers.TwelveHourMode) != 0;
        _registers[Ds3231Registers.Seconds] = Bcd(moment.Second);
        _registers[Ds3231Registers.Minutes] = Bcd(moment.Minute);
        _registers[Ds3231Registers.Hours] = twelveHour
            ? (byte)(Ds3231Registers.TwelveHourMode | (moment.Hour >= 12 ? 0x20 : 0) | Bcd(moment.Hour % 12 == 0 ? 12 : moment.Hour % 12))
            : Bcd(moment.Hour);
        _registers[Ds3231Registers.Day] = (byte)dayOfWeek;
        _registers[Ds3231Registers.Date] = Bcd(moment.Day);

        // The century bit toggles at each 99 -> 00 overflow; software gives it meaning (the binding: set means 20xx).
        var century = ((moment.Year - 1900) / 100) % 2 == 1 ? Ds3231Registers.CenturyBit : 0;
        _registers[Ds3231Registers.MonthCentury] = (byte)(century | Bcd(moment.Month));
        _registers[Ds3231Registers.Year] = Bcd(moment.Year % 100);
    }

    private DateTime Decode()
    {
        int Dec(byte value) => ((value >> 4) * 10) + (value & 0x0F);
        var hoursRegister = _registers[Ds3231Registers.Hours];
        var hour = (hoursRegister & Ds3231Registers.TwelveHourMode) != 0
            ? (Dec((byte)(hoursRegister & 0x1F)) % 12) + ((hoursRegister & 0x20) != 0 ? 12 : 0)
            : Dec((byte)(hoursRegister & 0x3F));
        var monthRegister = _registers[Ds3231Registers.MonthCentury];
        var year = 1900 + ((monthRegister & Ds3231Registers.CenturyBit) != 0 ? 100 : 0) + Dec(_registers[Ds3231Registers.Year]);
        var month = Math.Clamp(Dec((byte)(monthRegister & 0x1F)), 1, 12);
        var date = Math.Clamp(Dec(_registers[Ds3231Registers.Date]), 1, DateTime.DaysInMonth(year, month));
        return new DateTime(year, month, date, Math.Min(hour, 23), Math.Min(Dec(_registers[Ds3231Registers.Minutes]), 59), Math.Min(Dec((byte)(_registers[Ds3231Registers.Seconds] & 0x7F)), 59), DateTimeKind.Utc);
    }

    private static byte Bcd(int value) => (byte)(((value / 10) << 4) | (value % 10));
}
