using System.Text;
using OneStop.Hardware.Printer;

namespace OneStop.Hardware.Tests.Printer;

public class EscPosTests
{
    [Fact]
    public void QrCode_Hello_MatchesGsParenKSequence()
    {
        var bytes = EscPos.QrCode("HELLO"u8, moduleSize: 6, QrErrorCorrection.Medium);

        byte[] expected =
        [
            0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,
            0x1D, 0x28, 0x6B, 0x08, 0x00, 0x31, 0x50, 0x30, 0x48, 0x45, 0x4C, 0x4C, 0x4F,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void QrCode_300Bytes_StoresLengthLittleEndianPlusThree()
    {
        var bytes = EscPos.QrCode(new byte[300], 4, QrErrorCorrection.Low);

        var store = bytes.AsSpan(25, 8).ToArray();
        Assert.Equal(new byte[] { 0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30 }, store);
    }

    [Fact]
    public void SimpleCommands_Bytes_MatchReference()
    {
        Assert.Equal(new byte[] { 0x1B, 0x40 }, EscPos.Initialize());
        Assert.Equal(new byte[] { 0x1B, 0x74, 0x34 }, EscPos.SelectCodeTable(52));
        Assert.Equal(new byte[] { 0x1B, 0x61, 0x01 }, EscPos.Align(TextAlignment.Center));
        Assert.Equal(new byte[] { 0x1D, 0x21, 0x11 }, EscPos.CharacterSize(2, 2));
        Assert.Equal(new byte[] { 0x1D, 0x56, 0x42, 0x00 }, EscPos.FeedAndPartialCut(0));
        Assert.Equal(new byte[] { 0x10, 0x04, 0x04 }, EscPos.TransmitStatus(4));
    }

    [Fact]
    public void RasterImage_TwoByTenDots_HeaderThenPackedRows()
    {
        var bitmap = new MonochromeBitmap(10, 2);
        bitmap[0, 0] = true;
        bitmap[9, 1] = true;

        var bytes = EscPos.RasterImage(bitmap);

        Assert.Equal(new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x80, 0x00, 0x00, 0x40 }, bytes);
    }

    [Fact]
    public void EncodeText_Cp1258_SplitsToneMarksFromBaseLetters()
    {
        var profile = PrinterProfile.Paper80mm with { VietnameseMode = VietnameseTextMode.CodePage1258 };

        var bytes = EscPosReceiptRenderer.EncodeText("Nguyễn Đức", profile);

        // ễ = ê (EA) + combining tilde (DE); Đ = D0; ứ = ư (FD) + combining acute (EC).
        Assert.Equal(new byte[] { 0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0xD0, 0xFD, 0xEC, 0x63 }, bytes);
    }

    [Fact]
    public void EncodeText_AsciiFold_DropsDiacritics()
    {
        var profile = PrinterProfile.Paper58mm with { VietnameseMode = VietnameseTextMode.AsciiFold };

        var bytes = EscPosReceiptRenderer.EncodeText("Phường Đống Đa", profile);

        Assert.Equal("Phuong Dong Da", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void Render_QueueTicket_StartsWithInitAndEndsWithCut()
    {
        var ticket = ReceiptTemplates.QueueTicket("UBND xa Tan Lap", "A015", "Chung thuc", new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.FromHours(7)), 3);
        var profile = PrinterProfile.Paper80mm with { VietnameseMode = VietnameseTextMode.AsciiFold };

        var bytes = EscPosReceiptRenderer.Render(ticket, profile);

        Assert.Equal(new byte[] { 0x1B, 0x40 }, bytes[..2]);
        Assert.Equal(new byte[] { 0x1D, 0x56, 0x42, 0x00 }, bytes[^4..]);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.Contains("\x1D\x21\x33" + "A015\n", text, StringComparison.Ordinal);
        Assert.Contains("Thoi gian: 08:30 01/03/2025\n", text, StringComparison.Ordinal);
        Assert.Contains("So nguoi cho truoc: 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AppointmentSlip_EmbedsUtf8QrPayload()
    {
        var slip = ReceiptTemplates.AppointmentSlip("UBND xã Tân Lập", "HS-0042", "Nguyễn Văn An", "Đăng ký khai sinh", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3), "onestop:HS-0042:sig");

        var bytes = EscPosReceiptRenderer.Render(slip, PrinterProfile.Paper58mm);

        var qr = EscPos.QrCode(Encoding.UTF8.GetBytes("onestop:HS-0042:sig"), 5, QrErrorCorrection.Medium);
        Assert.True(bytes.AsSpan().IndexOf(qr) > 0);
    }

    [Fact]
    public void Render_NoQrCommandSupport_SendsQrAsRasterImage()
    {
        var profile = PrinterProfile.Paper58mm with { SupportsQrCommand = false, VietnameseMode = VietnameseTextMode.AsciiFold };
        var document = new ReceiptDocument { QrPayload = "HELLO" };

        var bytes = EscPosReceiptRenderer.Render(document, profile);

        Assert.True(bytes.AsSpan().IndexOf("\x1D(k"u8) < 0);
        // 58 mm = 384 dots = 48 bytes per row.
        Assert.True(bytes.AsSpan().IndexOf(new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x30, 0x00 }) > 0);
    }
}
