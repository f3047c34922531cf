namespace OneStop.Hardware.Printer;

/// <summary>
/// What a particular printer model can do. Code table numbers differ between Epson and clones
/// (CP1258 is 52 on Epson, 94 on some clones; TCVN3 is 30 on Epson, 27 on some clones): read them from the
/// printer's self-test page.
/// </summary>
public sealed record PrinterProfile(
    string Name,
    int DotsPerLine,
    int CharactersPerLine,
    VietnameseTextMode VietnameseMode,
    int CodeTable1258,
    bool SupportsQrCommand)
{
    public const int EpsonCodeTable1258 = 52;

    /// <summary>Epson "TCVN-3-1" (lowercase and toneless capitals); 31 is its capitals-only twin.</summary>
    public const int EpsonCodeTableTcvn3 = 30;

    public static PrinterProfile Paper58mm { get; } = new("58mm", 384, 32, VietnameseTextMode.Raster, EpsonCodeTable1258, true);

    public static PrinterProfile Paper80mm { get; } = new("80mm", 576, 48, VietnameseTextMode.Raster, EpsonCodeTable1258, true);

    /// <summary><c>ESC t n</c> of TCVN3 on this printer, used when <see cref="VietnameseMode"/> is TCVN3.</summary>
    public int CodeTableTcvn3 { get; init; } = EpsonCodeTableTcvn3;

    /// <summary>This printer on another roll: the dots and characters of that width, the model's code tables kept.</summary>
    public PrinterProfile OnPaper(int paperWidthMillimetres)
    {
        var paper = ForWidth(paperWidthMillimetres);
        return this with { Name = paper.Name, DotsPerLine = paper.DotsPerLine, CharactersPerLine = paper.CharactersPerLine };
    }

    public static PrinterProfile ForWidth(int paperWidthMillimetres) => paperWidthMillimetres switch
    {
        58 => Paper58mm,
        80 => Paper80mm,
        _ => throw new ArgumentOutOfRangeException(nameof(paperWidthMillimetres), paperWidthMillimetres, "Only 58 and 80 mm rolls are supported."),
    };
}
