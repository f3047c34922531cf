using System.Text;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Tests.Support;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Tests.Printer;

public class CodePageChoiceTests
{
    private static readonly PrinterProfile Tcvn3Profile = PrinterProfile.Paper80mm with { VietnameseMode = VietnameseTextMode.CodePageTcvn3 };

    private static ReceiptDocument Fields(params ReceiptField[] fields) => new() { Fields = fields };

    private static byte[] Raster(string line, PrinterProfile profile) =>
        EscPos.RasterImage(RasterText.RenderLine(line, VietnameseBitmapFont.Instance, profile.DotsPerLine, TextAlignment.Left));

    /// <summary>
    /// The VN3 bytes of the letters these tests print, typed from the TCVN 5712:1993 (TCVN3, VN3) table rather than
    /// taken from the product's encoder, so a wrong entry there cannot confirm itself.
    /// </summary>
    private static readonly Dictionary<char, byte> Vn3Letters = new()
    {
        ['Đ'] = 0xA7,
        ['ă'] = 0xA8,
        ['ô'] = 0xAB,
        ['ư'] = 0xAD,
        ['ã'] = 0xB7,
        ['ễ'] = 0xD4,
        ['ỉ'] = 0xD8,
        ['ị'] = 0xDE,
        ['ộ'] = 0xE9,
        ['ờ'] = 0xEA,
        ['ủ'] = 0xF1,
        ['ụ'] = 0xF4,
        ['ứ'] = 0xF8,
        ['ý'] = 0xFD,
    };

    private static byte[] Vn3Line(string line) =>
        [.. line.Select(c => c < 0x80 ? (byte)c : Vn3Letters[c]), EscPos.LineFeed];

    [Fact]
    public void Render_Tcvn3_SelectsTable30AndPrintsNguyenDucAsText()
    {
        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Người nộp", "Nguyễn Đức")), Tcvn3Profile);

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x1B, 0x74, 30 }, bytes[..5]);
        var line = Vn3Line("Người nộp: Nguyễn Đức");
        Assert.True(bytes.AsSpan().IndexOf(line) > 0);
        Assert.Empty(RasterImages.In(bytes));
    }

    [Fact]
    public void EncodeText_Tcvn3_NguyenDucGoldenBytes()
    {
        var bytes = EscPosReceiptRenderer.EncodeText("Nguyễn Đức", Tcvn3Profile);

        Assert.Equal(new byte[] { 0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0xA7, 0xF8, 0x63 }, bytes);
    }

    [Fact]
    public void Render_Tcvn3TableNumberConfigured_SendsThatNumber()
    {
        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Mã", "HS-1")), Tcvn3Profile with { CodeTableTcvn3 = 27 });

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x1B, 0x74, 27 }, bytes[..5]);
    }

    [Fact]
    public void Render_Tcvn3_LineWithTonedCapitalGoesRasterOtherLinesStayText()
    {
        var document = Fields(new ReceiptField("Người nộp", "Nguyễn Thị Ánh"), new ReceiptField("Thủ tục", "Đăng ký khai sinh"));

        var bytes = EscPosReceiptRenderer.Render(document, Tcvn3Profile);

        // VN3 has no Á: that line is drawn, never sent as text with a letter missing.
        Assert.Equal([Raster("Người nộp: Nguyễn Thị Ánh", Tcvn3Profile)], RasterImages.In(bytes).Select(image => image.Command));
        var text = Vn3Line("Thủ tục: Đăng ký khai sinh");
        Assert.True(bytes.AsSpan().IndexOf(text) > 0);
    }

    [Fact]
    public void Render_Tcvn3_WrappedFieldChoosesPerLine()
    {
        var profile = PrinterProfile.Paper58mm with { VietnameseMode = VietnameseTextMode.CodePageTcvn3 };

        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Địa chỉ", "thôn Đông, xã Tân Lập, huyện Ánh Sơn")), profile);

        // Wrapped at the raster width (24): the first line fits VN3, the second has Á.
        Assert.Equal(["Địa chỉ: thôn Đông, xã", "Tân Lập, huyện Ánh Sơn"], TextWrap.Wrap("Địa chỉ: thôn Đông, xã Tân Lập, huyện Ánh Sơn", 24));
        var first = Vn3Line("Địa chỉ: thôn Đông, xã");
        Assert.True(bytes.AsSpan().IndexOf(first) > 0);
        Assert.Equal([Raster("Tân Lập, huyện Ánh Sơn", profile)], RasterImages.In(bytes).Select(image => image.Command));
    }

    [Fact]
    public void Render_Cp1258_CharacterOutsideThePageGoesRaster()
    {
        var profile = PrinterProfile.Paper80mm with { VietnameseMode = VietnameseTextMode.CodePage1258 };

        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Người nộp", "Nguyễn Thị Ánh"), new ReceiptField("Ghi chú", "→ quầy 2")), profile);

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x1B, 0x74, 52 }, bytes[..5]);
        Assert.Equal([Raster("Ghi chú: → quầy 2", profile)], RasterImages.In(bytes).Select(image => image.Command));
    }

    [Fact]
    public void Render_RasterProfile_AsciiLineStaysText()
    {
        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Ma ho so", "HS-0042"), new ReceiptField("Người nộp", "Lê Văn Tám")), PrinterProfile.Paper58mm);

        Assert.Contains("Ma ho so: HS-0042\n", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal([Raster("Người nộp: Lê Văn Tám", PrinterProfile.Paper58mm)], RasterImages.In(bytes).Select(image => image.Command));
    }

    [Fact]
    public void Render_AsciiFold_NeverRaster()
    {
        var profile = PrinterProfile.Paper58mm with { VietnameseMode = VietnameseTextMode.AsciiFold };

        var bytes = EscPosReceiptRenderer.Render(Fields(new ReceiptField("Người nộp", "Nguyễn Thị Ánh")), profile);

        Assert.Empty(RasterImages.In(bytes));
        Assert.Contains("Nguoi nop: Nguyen Thi Anh\n", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }
}
