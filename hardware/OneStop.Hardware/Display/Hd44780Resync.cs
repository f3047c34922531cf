using System.Device.I2c;

namespace OneStop.Hardware.Display;

/// <summary>
/// HD44780U figure 24 over a PCF8574 backpack (P0 RS, P1 RW, P2 E, P3 backlight, P4..P7 = D4..D7), sent before
/// Iot.Device.Bindings' CharacterLcd takes over. The binding's own start sends whole bytes (0x03 three times, then
/// 0x02) 1 ms apart and no power-on wait; the datasheet wants single nibbles with 40 ms, 4.1 ms and 100 µs waits,
/// which is what resynchronises a controller left half-way through a byte by a reboot.
/// </summary>
public static class Hd44780Resync
{
    private const byte Enable = 0x04;
    private const byte Backlight = 0x08;

    public static void Run(I2cDevice expander, Action<TimeSpan> wait)
    {
        ArgumentNullException.ThrowIfNull(expander);
        ArgumentNullException.ThrowIfNull(wait);
        wait(TimeSpan.FromMilliseconds(50));
        WriteNibble(expander, 0x3);
        wait(TimeSpan.FromMilliseconds(4.5));
        WriteNibble(expander, 0x3);
        wait(TimeSpan.FromMicroseconds(150));
        WriteNibble(expander, 0x3);
        WriteNibble(expander, 0x2); // 4-bit from here on: the binding's byte-wise commands now land as whole bytes
    }

    private static void WriteNibble(I2cDevice expander, int nibble)
    {
        // E high then low: at 100 kHz one expander byte lasts ~90 µs, far over the 450 ns pulse the datasheet asks.
        var bits = (byte)((nibble << 4) | Backlight);
        expander.WriteByte((byte)(bits | Enable));
        expander.WriteByte(bits);
    }
}
