using System.Diagnostics.CodeAnalysis;

namespace OneStop.Hardware.Printer.CodePages;

/// <summary>
/// The printer's own character table for one profile: which <c>ESC t</c> table to select and which characters it
/// holds. A line whose every character is in the table prints as text (fast, sharp); any other line is drawn as
/// raster, so a letter the table lacks is never dropped or replaced.
/// </summary>
internal abstract class PrinterCodePage
{
    /// <summary><c>ESC t n</c> to send once after <c>ESC @</c>; null keeps the printer's default table (ASCII is the same in all of them).</summary>
    public abstract int? CodeTable { get; }

    public abstract bool TryEncode(string line, [NotNullWhen(true)] out byte[]? bytes);

    public static PrinterCodePage For(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.VietnameseMode switch
        {
            VietnameseTextMode.Raster => AsciiCodePage.Instance,
            VietnameseTextMode.CodePage1258 => new Cp1258CodePage(profile.CodeTable1258),
            VietnameseTextMode.CodePageTcvn3 => new Tcvn3CodePage(profile.CodeTableTcvn3),
            VietnameseTextMode.AsciiFold => AsciiFoldCodePage.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile.VietnameseMode, "unknown Vietnamese text mode"),
        };
    }
}
