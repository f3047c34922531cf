using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Display;

/// <summary>
/// HD44780 in 4-bit mode behind a PCF8574 backpack (P0 RS, P1 RW, P2 E, P3 backlight, P4..P7 = D4..D7).
/// Each nibble is two expander writes, E high then low: at 100 kHz one byte lasts ~90 µs, far over the 450 ns pulse.
/// </summary>
public sealed class Hd44780Pcf8574
{
    private const byte RegisterSelect = 0x01;
    private const byte Enable = 0x04;
    private const byte Backlight = 0x08;
    private static readonly byte[] RowOffsets = [0x00, 0x40, 0x14, 0x54];
    private readonly II2cDevice _expander;
    private readonly Action<TimeSpan> _wait;

    /// <param name="expander">The PCF8574 (0x20-0x27, or 0x38-0x3F for the A variant).</param>
    /// <param name="wait">Blocking delay for the controller's execution times; tests pass a recorder.</param>
    public Hd44780Pcf8574(II2cDevice expander, Action<TimeSpan> wait)
    {
        _expander = expander;
        _wait = wait;
    }

    /// <summary>HD44780U figure 24: three 0x3 nibbles resynchronise whatever mode it was in, then 0x2 selects 4-bit.</summary>
    public void Initialize()
    {
        _wait(TimeSpan.FromMilliseconds(50));
        WriteNibble(0x3, rs: false);
        _wait(TimeSpan.FromMilliseconds(4.5));
        WriteNibble(0x3, rs: false);
        _wait(TimeSpan.FromMicroseconds(150));
        WriteNibble(0x3, rs: false);
        WriteNibble(0x2, rs: false);
        Command(0x28); // function set: 4-bit, 2 lines, 5x8 dots
        Command(0x08); // display off
        Clear();
        Command(0x06); // entry mode: increment, no shift
        Command(0x0C); // display on, cursor off
    }

    public void Clear()
    {
        Command(0x01);
        _wait(TimeSpan.FromMilliseconds(2));
    }

    public void SetCursor(int column, int row) => Command((byte)(0x80 | (RowOffsets[row] + column)));

    /// <summary>ASCII only: the caller folds Vietnamese first (the A00 ROM has no such glyphs).</summary>
    public void Write(string ascii)
    {
        ArgumentNullException.ThrowIfNull(ascii);
        foreach (var c in ascii)
        {
            Data(c is >= ' ' and <= '~' ? (byte)c : (byte)'?');
        }
    }

    public void Command(byte value) => WriteByte(value, rs: false);

    public void Data(byte value) => WriteByte(value, rs: true);

    private void WriteByte(byte value, bool rs)
    {
        WriteNibble(value >> 4, rs);
        WriteNibble(value & 0x0F, rs);
    }

    private void WriteNibble(int nibble, bool rs)
    {
        var bits = (byte)((nibble << 4) | Backlight | (rs ? RegisterSelect : 0));
        _expander.Write([(byte)(bits | Enable), bits]);
    }
}
