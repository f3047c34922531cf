using System.Text;
using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux;
using OneStop.Hardware.Scanner;

namespace OneStop.Hardware.Tests.Scanner;

public class ScannerTests
{
    private const string CccdQr = "001099012345|123456789|Nguyễn Văn An|01011990|Nam|Xã Tân Lập, Huyện Đan Phượng, Hà Nội|15082021";

    [Fact]
    public void Pump_CdcAcmOverPty_DeliversUtf8CodeSplitAcrossWrites()
    {
        using var pty = PseudoTerminal.Open();
        using var scanner = new StreamQrScanner("scanner", () => SerialPortStream.Open(pty.SlavePath, 115200), new SerialScanDecoder(), new FakeTimeProvider());
        var codes = new List<string>();
        scanner.Scanned += (_, code) => codes.Add(code.Text);
        var bytes = Encoding.UTF8.GetBytes(CccdQr + "\r\n");
        var split = Encoding.UTF8.GetByteCount("001099012345|123456789|Nguy") + 1; // inside the 3-byte 'ễ'

        Assert.True(scanner.Pump(TimeSpan.Zero)); // opens the port before the device talks
        pty.Master.Write(bytes.AsSpan(0, split));
        Assert.True(scanner.Pump(TimeSpan.FromSeconds(5)));
        Assert.Empty(codes);
        pty.Master.Write(bytes.AsSpan(split));
        for (var attempt = 0; attempt < 50 && codes.Count == 0; attempt++)
        {
            Assert.True(scanner.Pump(TimeSpan.FromMilliseconds(100)));
        }

        Assert.Equal([CccdQr], codes);
        Assert.True(scanner.ReadHealth().Connected);
    }

    [Fact]
    public void Feed_EvdevEventsWithShift_DecodesCodeOnEnter()
    {
        var decoder = new EvdevScanDecoder();
        var events = new List<byte>();
        void Key(ushort code, int value)
        {
            events.AddRange(new byte[16]);
            events.AddRange(BitConverter.GetBytes((ushort)1));
            events.AddRange(BitConverter.GetBytes(code));
            events.AddRange(BitConverter.GetBytes(value));
            events.AddRange(new byte[16]); // EV_SYN report between keys
            events.AddRange(new byte[8]);
        }

        Key(42, 1);
        Key(30, 1); // 'A' with shift
        Key(30, 0);
        Key(42, 0);
        Key(3, 1); // '2'
        Key(12, 1); // '-'
        Key(28, 1); // Enter

        var firstHalf = decoder.Feed(events.ToArray().AsSpan(0, 100));
        var rest = decoder.Feed(events.ToArray().AsSpan(100));

        Assert.Empty(firstHalf);
        Assert.Equal(["A2-"], rest);
    }

    [Fact]
    public void Pump_EvdevRecordedFile_ReadsEventsWithoutGrabFailure()
    {
        var path = Path.GetTempFileName();
        try
        {
            var events = new List<byte>();
            foreach (var code in new ushort[] { 2, 3, 28 })
            {
                events.AddRange(new byte[16]);
                events.AddRange(BitConverter.GetBytes((ushort)1));
                events.AddRange(BitConverter.GetBytes(code));
                events.AddRange(BitConverter.GetBytes(1));
            }

            File.WriteAllBytes(path, [.. events]);
            using var scanner = new StreamQrScanner("scanner", () => EvdevDevice.OpenGrabbed(path), new EvdevScanDecoder(), new FakeTimeProvider());
            var codes = new List<string>();
            scanner.Scanned += (_, code) => codes.Add(code.Text);

            Assert.True(scanner.Pump(TimeSpan.FromSeconds(1)));

            Assert.Equal(["12"], codes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pump_DeviceMissing_ReturnsFalseAndHealthNamesPath()
    {
        using var scanner = new StreamQrScanner("scanner", () => SerialPortStream.Open("/dev/serial/by-id/missing-scanner", 115200), new SerialScanDecoder(), new FakeTimeProvider());

        Assert.False(scanner.Pump(TimeSpan.Zero));

        Assert.Contains("missing-scanner", scanner.ReadHealth().LastError, StringComparison.Ordinal);
    }
}
