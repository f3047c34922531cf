using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.Printer;

public sealed class PrinterPaperTests
{
    [Fact]
    public void UsePaper_58mmPrinterGiven80mmRoll_NextSlipRastersAreFullWidthOf80mm()
    {
        var printer = new SimulatedReceiptPrinter("printer", PrinterProfile.Paper58mm, new FakeTimeProvider());
        var document = new ReceiptDocument { Fields = [new("Người nộp", "Nguyễn Thị Ánh")] };
        printer.Print(document);
        var before = RasterImages.In(printer.CapturedBytes);
        printer.Clear();

        printer.UsePaper(80);
        printer.Print(document);

        // Epson TM-T20 family: 384 dots on a 58 mm roll, 576 dots on 80 mm, at 8 dots/mm: 48 and 72 bytes a raster
        // row; the line that wraps after "Thị" in 24 cells fits one 36-cell line.
        var after = RasterImages.In(printer.CapturedBytes);
        Assert.Equal(2, before.Count);
        Assert.All(before, image => Assert.Equal(48, image.BytesPerRow));
        Assert.Equal(72, Assert.Single(after).BytesPerRow);
    }

    [Fact]
    public void OnPaper_ModelWithCloneCodeTables_KeepsTheTablesChangesTheWidth()
    {
        var clone = PrinterProfile.Paper80mm with { CodeTable1258 = 94, CodeTableTcvn3 = 27, VietnameseMode = VietnameseTextMode.CodePage1258 };

        var on58 = clone.OnPaper(58);

        Assert.Equal((384, 32, "58mm"), (on58.DotsPerLine, on58.CharactersPerLine, on58.Name));
        Assert.Equal((94, 27, VietnameseTextMode.CodePage1258), (on58.CodeTable1258, on58.CodeTableTcvn3, on58.VietnameseMode));
    }

    [Fact]
    public void OnPaper_WidthNoRollHas_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PrinterProfile.Paper58mm.OnPaper(76));
}
