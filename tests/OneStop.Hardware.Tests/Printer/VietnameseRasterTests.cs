using System.Text;
using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Tests.Support;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Tests.Printer;

public class VietnameseRasterTests
{
    private static readonly VietnameseBitmapFont Font = VietnameseBitmapFont.Instance;

    private static byte[] Line(string text, PrinterProfile profile, TextAlignment alignment = TextAlignment.Left) =>
        EscPos.RasterImage(RasterText.RenderLine(text, Font, profile.DotsPerLine, alignment));

    [Fact]
    public void RasterLine_58mm_HeaderSays48BytesBy32Rows()
    {
        var bytes = Line("Ánh", PrinterProfile.Paper58mm);

        // GS v 0 m=0, xL xH = 48 bytes (384 dots), yL yH = 32 rows (16-row cell doubled).
        Assert.Equal(new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x30, 0x00, 0x20, 0x00 }, bytes[..8]);
        Assert.Equal(8 + (48 * 32), bytes.Length);
    }

    [Fact]
    public void RasterLine_80mm_HeaderSays72BytesBy32Rows()
    {
        var bytes = Line("Ánh", PrinterProfile.Paper80mm);

        Assert.Equal(new byte[] { 0x1D, 0x76, 0x30, 0x00, 0x48, 0x00, 0x20, 0x00 }, bytes[..8]);
        Assert.Equal(8 + (72 * 32), bytes.Length);
    }

    [Fact]
    public void RenderLine_Glyph_IsTheFontCellDoubled()
    {
        var bitmap = RasterText.RenderLine("Ấ", Font, 384, TextAlignment.Left);

        var cell = GlyphPicture.Of(Font, "Ấ");
        var doubled = cell.SelectMany(row => new[] { row, row }).Select(row => string.Concat(row.Select(dot => new string(dot, 2)))).ToArray();
        Assert.Equal(doubled, GlyphPicture.Of(bitmap, 0, 16));
    }

    [Theory]
    [InlineData(58, 24)]
    [InlineData(80, 36)]
    public void RenderLine_LongerThanPaper_CutsAtWholeCharacter(int paperWidth, int fits)
    {
        var profile = PrinterProfile.ForWidth(paperWidth);

        var cut = RasterText.RenderLine(new string('W', fits + 6), Font, profile.DotsPerLine, TextAlignment.Left);
        var exact = RasterText.RenderLine(new string('W', fits), Font, profile.DotsPerLine, TextAlignment.Left);

        Assert.Equal(fits, RasterText.CharactersPerLine(Font, profile.DotsPerLine));
        Assert.Equal(exact.Pixels, cut.Pixels);
    }

    [Fact]
    public void RenderLine_Bold_EachStrokeOneDotWider()
    {
        var plain = RasterText.RenderLine("l", Font, 384, TextAlignment.Left);
        var bold = RasterText.RenderLine("l", Font, 384, TextAlignment.Left, bold: true);

        // 'l' stem is cell column 2 = dots 4-5; bold adds dot 6.
        Assert.Equal("....##..", GlyphPicture.Of(plain, 0, 8)[20]);
        Assert.Equal("....###.", GlyphPicture.Of(bold, 0, 8)[20]);
    }

    [Fact]
    public void Render_RasterProfileSlip_DrawsTheNameInsteadOfFoldingIt()
    {
        var slip = ReceiptTemplates.AppointmentSlip("UBND xã Tân Lập", "HS-0042", "Nguyễn Thị Ánh", "Đăng ký khai sinh", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3), "onestop:HS-0042:sig");

        var bytes = EscPosReceiptRenderer.Render(slip, PrinterProfile.Paper58mm);

        var text = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("Nguyen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\x1Bt", text, StringComparison.Ordinal);

        // 24 cells per raster line on 58 mm: "Người nộp: Nguyễn Thị" then "Ánh".
        Assert.True(bytes.AsSpan().IndexOf(Line("Người nộp: Nguyễn Thị", PrinterProfile.Paper58mm)) > 0);
        Assert.True(bytes.AsSpan().IndexOf(Line("Ánh", PrinterProfile.Paper58mm)) > 0);
        Assert.All(RasterImages.In(bytes).Where(image => image.Rows == 32), image => Assert.Equal(48, image.BytesPerRow));
    }

    [Theory]
    [InlineData(58)]
    [InlineData(80)]
    public void Render_LongVietnameseField_WrapsIntoRasterLinesThatFit(int paperWidth)
    {
        var profile = PrinterProfile.ForWidth(paperWidth);
        const string Field = "Địa chỉ: thôn Đông Xuân, xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội";
        var document = new ReceiptDocument { Fields = [new("Địa chỉ", Field["Địa chỉ: ".Length..])] };

        var images = RasterImages.In(EscPosReceiptRenderer.Render(document, profile));

        var width = RasterText.CharactersPerLine(Font, profile.DotsPerLine);
        var expected = TextWrap.Wrap(Field, width).Select(line => Line(line, profile)).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, images.Select(image => image.Command));
    }

    [Fact]
    public void SimulatedPrinter_DefaultProfileWithoutFontFile_PrintsRaster()
    {
        var printer = new SimulatedReceiptPrinter("printer", PrinterProfile.Paper80mm, new FakeTimeProvider());

        Assert.True(printer.Print(new ReceiptDocument { Fields = [new("Người nộp", "Nguyễn Thị Ánh")] }).Succeeded);

        Assert.Equal([Line("Người nộp: Nguyễn Thị Ánh", PrinterProfile.Paper80mm)], RasterImages.In(printer.CapturedBytes).Select(image => image.Command));
    }
}
