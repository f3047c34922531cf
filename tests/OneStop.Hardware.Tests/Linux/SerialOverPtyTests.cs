using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux;

namespace OneStop.Hardware.Tests.Linux;

/// <summary>System.IO.Ports.SerialPort on the slave side of a pseudo-terminal; the test plays the device on the master.</summary>
public class SerialOverPtyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Open_PtySlave_BinaryBytesSurviveBothWays()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPortStream.Open(pty.SlavePath, 115200);
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
        using var port = SerialPortStream.Open(pty.SlavePath, 9600);

        var read = port.Read(new byte[8], TimeSpan.FromMilliseconds(20));

        Assert.Equal(0, read);
    }

    [Fact]
    public void Open_MissingDevice_ThrowsIOExceptionNamingPath()
    {
        var error = Assert.Throws<IOException>(() => SerialPortStream.Open("/dev/ttyACM-missing", 115200));

        Assert.Contains("/dev/ttyACM-missing", error.Message, StringComparison.Ordinal);
    }
}
