using System.Diagnostics.CodeAnalysis;
using System.Text;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer.CodePages;

/// <summary>
/// Windows-1258: toneless vowels precomposed, tones as combining marks after them. It holds every Vietnamese
/// letter, so only characters outside it (symbols, other scripts) send a line to raster.
/// </summary>
internal sealed class Cp1258CodePage(int codeTable) : PrinterCodePage
{
    private static readonly Encoding Strict = CreateStrict();

    public override int? CodeTable => codeTable;

    public override bool TryEncode(string line, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            bytes = Strict.GetBytes(VietnameseText.ToCp1258Form(line));
        }
        catch (EncoderFallbackException)
        {
            bytes = null;
            return false;
        }

        // Control characters would be commands to the printer, not text.
        if (bytes.Any(b => b < 0x20))
        {
            bytes = null;
            return false;
        }

        return true;
    }

    private static Encoding CreateStrict()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}
