using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux;

namespace OneStop.Hardware.Tests.Linux;

public class SerialOverPtyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Open_PtySlave_BinaryBytesSurviveBothWays()
    {
        using var pty = PseudoTerminal.Open();
        using var port = LinuxSerialPort.Open(pty.SlavePath, 115200);
        // 0D and 03 are the bytes canonical mode would turn into a newline and an interrupt.
        byte[] frame = [0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00, 0x0D, 0x03, 0x0A, 0x7F];

        port.Write(frame);
        var atDevice = new byte[frame.Length];
        Assert.True(pty.Master.TryReadExactly(atDevice, Timeout));

        pty.Master.Write(frame);
        var atHost = new byte[frame.Length];
        Assert.True(port.TryReadExactly(atHost, Timeout));

        Assert.Equal(frame, atDevice);
        Assert.Equal(frame, atHost);
    }

    [Fact]
    public void Read_NothingSent_ReturnsZeroAfterTimeout()
    {
        using var pty = PseudoTerminal.Open();
        using var port = LinuxSerialPort.Open(pty.SlavePath, 9600);

        var read = port.Read(new byte[8], TimeSpan.FromMilliseconds(20));

        Assert.Equal(0, read);
    }

    [Fact]
    public void Open_MissingDevice_ThrowsIOExceptionNamingPath()
    {
        var error = Assert.Throws<IOException>(() => LinuxSerialPort.Open("/dev/ttyACM-missing", 115200));

        Assert.Contains("/dev/ttyACM-missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenByLabel_NoChips_ThrowsWithLabel()
    {
        var empty = Directory.CreateTempSubdirectory("gpio");
        try
        {
            var error = Assert.Throws<IOException>(() => LinuxGpioChip.OpenByLabel("pinctrl-rp1", empty.FullName));
            Assert.Contains("pinctrl-rp1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(true);
        }
    }

    [Fact]
    public void Open_MissingI2cBus_ThrowsIOException()
    {
        Assert.Throws<IOException>(() => LinuxI2cDevice.Open(97, 0x40));
    }
}
