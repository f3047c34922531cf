using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Display;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Display;

/// <summary>Iot.Device.Bindings' CharacterLcd over a recording PCF8574; expected bytes from the HD44780U datasheet.</summary>
public class Hd44780Tests
{
    private const byte Backlight = 0x08;
    private const byte Enable = 0x04;
    private const byte RegisterSelect = 0x01;

    [Fact]
    public void Resync_ViaPcf8574_SendsFigure24SequenceWithBacklight()
    {
        var bus = new RecordingI2cDevice();
        var waits = new List<TimeSpan>();

        Hd44780Resync.Run(bus, waits.Add);

        byte[] expected =
        [
            0x3C, 0x38, 0x3C, 0x38, 0x3C, 0x38, // 0x3 three times (8-bit resync)
            0x2C, 0x28, // 0x2: switch to 4-bit
        ];
        Assert.Equal(expected, bus.Written);
        Assert.True(waits[0] >= TimeSpan.FromMilliseconds(40));
        Assert.True(waits[1] >= TimeSpan.FromMilliseconds(4.1));
        Assert.True(waits[2] >= TimeSpan.FromMicroseconds(100));
    }

    [Fact]
    public void Show_FirstUse_ResyncsThenSetsFourBitTwoLinesDisplayOnAndClears()
    {
        var bus = new RecordingI2cDevice();
        using var display = new LcdStatusDisplay("display", () => bus, 16, 2, new FakeTimeProvider(), _ => { });

        Assert.True(display.Show(["", ""]).Succeeded);

        Assert.Equal(new byte[] { 0x3C, 0x38, 0x3C, 0x38, 0x3C, 0x38, 0x2C, 0x28 }, bus.Written.Take(8));
        var commands = Decode(bus.Written.Skip(8).ToArray()).TakeWhile(b => !b.Data).Select(b => b.Value).ToList();
        // HD44780U table 6: function set DL=0 N=1 F=0 is 0x28; display on, cursor and blink off is 0x0C;
        // entry mode increment without shift is 0x06; clear is 0x01. Function set must come before the others.
        var functionSet = commands.IndexOf(0x28);
        Assert.True(functionSet >= 0, "no 4-bit two-line function set");
        Assert.Contains((byte)0x0C, commands.Skip(functionSet));
        Assert.Contains((byte)0x06, commands.Skip(functionSet));
        Assert.Contains((byte)0x01, commands.Skip(functionSet));
        Assert.DoesNotContain(commands, c => (c & 0xF0) == 0x30); // never back to 8-bit mode
    }

    [Fact]
    public void Show_LetterA_SendsDatasheetNibblesWithRegisterSelect()
    {
        var bus = new RecordingI2cDevice();
        using var display = new LcdStatusDisplay("display", () => bus, 16, 2, new FakeTimeProvider(), _ => { });
        display.Show(["", ""]);
        bus.Written.Clear();

        display.Show(["A", ""]);

        // Set DDRAM address 0x00 = command 0x80, then 'A' (0x41) with RS high: 4D 49 1D 19.
        Assert.Equal(new byte[] { 0x8C, 0x88, 0x0C, 0x08, 0x4D, 0x49, 0x1D, 0x19 }, bus.Written.Take(8));
    }

    [Fact]
    public void Show_VietnameseOnSecondRow_MovesCursorAndFoldsDiacritics()
    {
        var bus = new RecordingI2cDevice();
        using var display = new LcdStatusDisplay("display", () => bus, 16, 2, new FakeTimeProvider(), _ => { });
        display.Show(["", "Đã in"]);
        var afterInit = bus.Written.Count - (2 * 17 * 4);

        var secondRow = bus.Written.Skip(afterInit + (17 * 4)).ToArray();

        // DDRAM address 0x40 (row 2) = command 0xC0, then "Da in" padded to 16.
        Assert.Equal(new byte[] { 0xCC, 0xC8, 0x0C, 0x08 }, secondRow[..4]);
        Assert.Equal(new byte[] { 0x4D, 0x49, 0x4D, 0x49 }, secondRow[4..8]); // 'D' = 0x44
        Assert.Equal(4 + (16 * 4), secondRow.Length);
    }

    [Fact]
    public void ShowStatus_Format_FitsSixteenColumns()
    {
        var lines = StatusScreen.Format("Ngoại tuyến", 12, "A015", 16);

        Assert.Equal(["Ngoai tuy Cho:12", "Moi so: A015    "], lines);
    }

    /// <summary>Undoes the backpack wiring: each nibble is E-high then E-low with the backlight on; two nibbles make a byte.</summary>
    private static List<(byte Value, bool Data)> Decode(byte[] written)
    {
        Assert.Equal(0, written.Length % 4);
        var bytes = new List<(byte, bool)>();
        for (var i = 0; i < written.Length; i += 4)
        {
            for (var j = i; j < i + 4; j += 2)
            {
                Assert.Equal(Enable | Backlight, written[j] & (Enable | Backlight));
                Assert.Equal(written[j] & ~Enable, written[j + 1]);
            }

            bytes.Add(((byte)((written[i] & 0xF0) | (written[i + 2] >> 4)), (written[i] & RegisterSelect) != 0));
        }

        return bytes;
    }
}
