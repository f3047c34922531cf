namespace OneStop.Hardware.Printer;

/// <summary>
/// What a particular printer model can do. Code table numbers differ between Epson and clones
/// (CP1258 is 52 on Epson, 94 on some clones): read them from the printer's self-test page.
/// </summary>
public sealed record PrinterProfile(
    string Name,
    int DotsPerLine,
    int CharactersPerLine,
    VietnameseTextMode VietnameseMode,
    int CodeTable1258,
    bool SupportsQrCommand)
{
    public static PrinterProfile Paper58mm { get; } = new("58mm", 384, 32, VietnameseTextMode.Raster, 52, true);

    public static PrinterProfile Paper80mm { get; } = new("80mm", 576, 48, VietnameseTextMode.Raster, 52, true);

    public static PrinterProfile ForWidth(int paperWidthMillimetres) => paperWidthMillimetres switch
    {
        58 => Paper58mm,
        80 => Paper80mm,
        _ => throw new ArgumentOutOfRangeException(nameof(paperWidthMillimetres), paperWidthMillimetres, "Only 58 and 80 mm rolls are supported."),
    };
}
