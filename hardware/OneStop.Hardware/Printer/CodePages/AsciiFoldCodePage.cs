using System.Diagnostics.CodeAnalysis;
using System.Text;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer.CodePages;

/// <summary>Chosen explicitly for printers where raster is unwanted: every line is text, diacritics stripped ("Nguyen").</summary>
internal sealed class AsciiFoldCodePage : PrinterCodePage
{
    public static AsciiFoldCodePage Instance { get; } = new();

    public override int? CodeTable => null;

    public override bool TryEncode(string line, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = Encoding.ASCII.GetBytes(VietnameseText.FoldToAscii(line));
        return true;
    }
}
