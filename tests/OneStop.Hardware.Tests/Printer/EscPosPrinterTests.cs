using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Printer;

public class EscPosPrinterTests
{
    private static readonly ReceiptDocument Ticket = ReceiptTemplates.QueueTicket("UBND", "A001", "Hộ tịch", DateTimeOffset.UnixEpoch, 0);

    private static Func<byte[], byte[]> Answers(byte printer, byte offline, byte paper) => request => request switch
    {
        [0x10, 0x04, 0x01] => [printer],
        [0x10, 0x04, 0x02] => [offline],
        [0x10, 0x04, 0x04] => [paper],
        _ => [],
    };

    [Fact]
    public void Print_FileSinkWithoutStatus_WritesExactlyTheRenderedDocument()
    {
        var path = Path.GetTempFileName();
        try
        {
            using var printer = new EscPosPrinter("printer", () => FileDescriptorStream.Open(path, FileAccess.ReadWrite), PrinterProfile.Paper58mm, new FakeTimeProvider(), queryStatus: false);

            var result = printer.Print(Ticket);

            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(EscPosReceiptRenderer.Render(Ticket, PrinterProfile.Paper58mm), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Print_PaperEndReported_FailsWithoutSendingTheDocument()
    {
        var stream = new ScriptedByteStream { Respond = Answers(0x12, 0x12, 0x72) };
        using var printer = new EscPosPrinter("printer", () => stream, PrinterProfile.Paper80mm, new FakeTimeProvider());

        var result = printer.Print(Ticket);

        Assert.False(result.Succeeded);
        Assert.Equal("paper out", result.Error);
        Assert.Equal(new byte[] { 0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04 }, stream.Written);
        Assert.Equal("out", printer.ReadHealth().Details["paper"]);
    }

    [Fact]
    public void TryReadStatus_NearEndBits_ReportsNearEndButPrints()
    {
        var stream = new ScriptedByteStream { Respond = Answers(0x12, 0x12, 0x1E) };
        using var printer = new EscPosPrinter("printer", () => stream, PrinterProfile.Paper80mm, new FakeTimeProvider());

        Assert.True(printer.TryReadStatus(out var status));
        var result = printer.Print(Ticket);

        Assert.Equal(new PrinterStatus(Online: true, CoverOpen: false, PaperNearEnd: true, PaperOut: false), status);
        Assert.True(result.Succeeded);
        Assert.Equal("near end", printer.ReadHealth().Details["paper"]);
    }

    [Fact]
    public void Print_DeviceMissing_FailsAndHealthNamesThePath()
    {
        using var printer = new EscPosPrinter("printer", () => FileDescriptorStream.Open("/dev/usb/lp-missing", FileAccess.ReadWrite), PrinterProfile.Paper80mm, new FakeTimeProvider());

        var result = printer.Print(Ticket);

        Assert.False(result.Succeeded);
        Assert.Contains("/dev/usb/lp-missing", result.Error, StringComparison.Ordinal);
        Assert.False(printer.ReadHealth().Connected);
    }

    [Fact]
    public void Print_OverPty_DeviceReceivesDocument()
    {
        using var pty = PseudoTerminal.Open();
        using var printer = new EscPosPrinter("printer", () => SerialPortStream.Open(pty.SlavePath, 9600), PrinterProfile.Paper58mm, new FakeTimeProvider(), queryStatus: false);
        var expected = EscPosReceiptRenderer.Render(Ticket, PrinterProfile.Paper58mm);

        Assert.True(printer.Print(Ticket).Succeeded);

        var received = new byte[expected.Length];
        Assert.True(OneStop.Hardware.Buses.ByteStreamExtensions.TryReadExactly(pty.Master, received, TimeSpan.FromSeconds(5)));
        Assert.Equal(expected, received);
    }
}
