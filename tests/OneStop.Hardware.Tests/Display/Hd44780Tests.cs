using OneStop.Hardware.Display;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Display;

public class Hd44780Tests
{
    [Fact]
    public void Initialize_ViaPcf8574_SendsFigure24SequenceWithBacklight()
    {
        var bus = new RecordingI2cDevice();
        var waits = new List<TimeSpan>();
        var lcd = new Hd44780Pcf8574(bus, waits.Add);

        lcd.Initialize();

        byte[] expected =
        [
            0x3C, 0x38, 0x3C, 0x38, 0x3C, 0x38, // 0x3 three times (8-bit resync)
            0x2C, 0x28, // 0x2: switch to 4-bit
            0x2C, 0x28, 0x8C, 0x88, // 0x28 function set
            0x0C, 0x08, 0x8C, 0x88, // 0x08 display off
            0x0C, 0x08, 0x1C, 0x18, // 0x01 clear
            0x0C, 0x08, 0x6C, 0x68, // 0x06 entry mode
            0x0C, 0x08, 0xCC, 0xC8, // 0x0C display on
        ];
        Assert.Equal(expected, bus.Written);
        Assert.True(waits[0] >= TimeSpan.FromMilliseconds(40));
        Assert.True(waits[1] >= TimeSpan.FromMilliseconds(4.1));
        Assert.True(waits[2] >= TimeSpan.FromMicroseconds(100));
        Assert.True(waits[3] >= TimeSpan.FromMilliseconds(1.52));
    }

    [Fact]
    public void Data_LetterA_SetsRegisterSelect()
    {
        var bus = new RecordingI2cDevice();
        var lcd = new Hd44780Pcf8574(bus, _ => { });

        lcd.Data((byte)'A');

        Assert.Equal(new byte[] { 0x4D, 0x49, 0x1D, 0x19 }, bus.Written);
    }

    [Fact]
    public void Show_VietnameseOnSecondRow_MovesCursorAndFoldsDiacritics()
    {
        var bus = new RecordingI2cDevice();
        using var display = new LcdStatusDisplay("display", () => bus, 16, 2, new ManualTimeProvider(), _ => { });
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
}
