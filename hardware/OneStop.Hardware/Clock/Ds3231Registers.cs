namespace OneStop.Hardware.Clock;

/// <summary>Register map of the Maxim DS3231 (datasheet 19-5170, Figure 1 "Timekeeping Registers").</summary>
public static class Ds3231Registers
{
    /// <summary>7-bit I2C address, fixed in the part.</summary>
    public const int Address = 0x68;

    public const byte Seconds = 0x00;
    public const byte Minutes = 0x01;
    public const byte Hours = 0x02;
    public const byte Day = 0x03;
    public const byte Date = 0x04;

    /// <summary>Month in bits 4-0 (BCD), the century bit in bit 7.</summary>
    public const byte MonthCentury = 0x05;
    public const byte Year = 0x06;
    public const byte Control = 0x0E;
    public const byte Status = 0x0F;
    public const byte TemperatureMsb = 0x11;
    public const byte TemperatureLsb = 0x12;

    /// <summary>Registers 00h-12h; the address pointer wraps from 12h to 00h.</summary>
    public const int Count = 0x13;

    /// <summary>Status bit 7, OSF: the oscillator stopped (or was stopped) since it was last cleared; the time cannot be trusted.</summary>
    public const byte OscillatorStopFlag = 0x80;

    /// <summary>Month register bit 7: toggles when the years register overflows from 99 to 00.</summary>
    public const byte CenturyBit = 0x80;

    /// <summary>Hours register bit 6: 1 selects 12-hour mode.</summary>
    public const byte TwelveHourMode = 0x40;

    /// <summary>Control at power-on: INTCN, RS2, RS1 set (1Ch).</summary>
    public const byte ControlAtPowerOn = 0x1C;

    /// <summary>Status at first power-on: OSF and EN32kHz set (88h).</summary>
    public const byte StatusAtPowerOn = 0x88;
}
