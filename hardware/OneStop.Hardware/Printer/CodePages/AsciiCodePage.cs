using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OneStop.Hardware.Printer.CodePages;

/// <summary>Raster profiles: printable ASCII, which every table of every printer has, goes as text; anything else is drawn.</summary>
internal sealed class AsciiCodePage : PrinterCodePage
{
    public static AsciiCodePage Instance { get; } = new();

    public override int? CodeTable => null;

    public override bool TryEncode(string line, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.All(c => c is >= ' ' and <= '~'))
        {
            bytes = Encoding.ASCII.GetBytes(line);
            return true;
        }

        bytes = null;
        return false;
    }
}
