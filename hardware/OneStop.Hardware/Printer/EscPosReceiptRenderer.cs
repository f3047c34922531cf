using System.Text;
using OneStop.Hardware.Printer.CodePages;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>Lays out a <see cref="ReceiptDocument"/> as ESC/POS bytes for one printer profile.</summary>
public static class EscPosReceiptRenderer
{
    /// <summary>
    /// Each line goes as text when the profile's code table holds all its characters, else as a <c>GS v 0</c>
    /// raster drawn with <paramref name="rasterFont"/> (default: the built-in <see cref="VietnameseBitmapFont"/>).
    /// </summary>
    public static byte[] Render(ReceiptDocument document, PrinterProfile profile, IBitmapFont? rasterFont = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(profile);
        var codePage = PrinterCodePage.For(profile);
        var output = new List<byte>(1024);
        output.AddRange(EscPos.Initialize());
        if (codePage.CodeTable is { } table)
        {
            output.AddRange(EscPos.SelectCodeTable(table));
        }

        var writer = new LineWriter(output, profile, codePage, rasterFont ?? VietnameseBitmapFont.Instance);
        writer.Align(TextAlignment.Center);
        output.AddRange(EscPos.Bold(true));
        foreach (var line in document.TitleLines)
        {
            writer.WriteWrapped(line, bold: true);
        }

        output.AddRange(EscPos.Bold(false));
        if (!string.IsNullOrEmpty(document.Headline))
        {
            // Quadruple size: a queue number must be readable at arm's length. Queue numbers are ASCII.
            output.AddRange(EscPos.CharacterSize(4, 4));
            foreach (var line in TextWrap.Wrap(VietnameseText.FoldToAscii(document.Headline), profile.CharactersPerLine / 4))
            {
                output.AddRange(EncodeText(line, profile));
                output.Add(EscPos.LineFeed);
            }

            output.AddRange(EscPos.CharacterSize(1, 1));
        }

        writer.Align(TextAlignment.Left);
        foreach (var field in document.Fields)
        {
            writer.WriteWrapped($"{field.Label}: {field.Value}", bold: false);
        }

        if (!string.IsNullOrEmpty(document.QrPayload))
        {
            writer.Align(TextAlignment.Center);
            output.AddRange(QrRenderer.Render(document.QrPayload, profile));
            output.Add(EscPos.LineFeed);
        }

        writer.Align(TextAlignment.Center);
        foreach (var line in document.FooterLines)
        {
            writer.WriteWrapped(line, bold: false);
        }

        output.AddRange(EscPos.FeedLines(3));
        output.AddRange(EscPos.FeedAndPartialCut(0));
        return [.. output];
    }

    /// <summary>Text bytes in the profile's code table; what the table lacks is folded to ASCII (no raster here).</summary>
    public static byte[] EncodeText(string text, PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return PrinterCodePage.For(profile).TryEncode(text, out var bytes)
            ? bytes
            : Encoding.ASCII.GetBytes(VietnameseText.FoldToAscii(text));
    }

    private sealed class LineWriter(List<byte> output, PrinterProfile profile, PrinterCodePage codePage, IBitmapFont font)
    {
        private TextAlignment _alignment;

        public void Align(TextAlignment alignment)
        {
            _alignment = alignment;
            output.AddRange(EscPos.Align(alignment));
        }

        public void WriteWrapped(string text, bool bold)
        {
            // Precomposed, so one letter is one char for wrapping and one entry in the code table.
            text = text.Normalize(NormalizationForm.FormC);

            // Raster cells are wider than Font A: text that needs raster anywhere wraps at the raster width, so
            // no line is split twice, and each wrapped line still goes as text when its own letters allow.
            var width = codePage.TryEncode(text, out _) ? profile.CharactersPerLine : RasterText.CharactersPerLine(font, profile.DotsPerLine);
            foreach (var line in TextWrap.Wrap(text, width))
            {
                if (codePage.TryEncode(line, out var bytes))
                {
                    output.AddRange(bytes);
                    output.Add(EscPos.LineFeed);
                }
                else
                {
                    output.AddRange(EscPos.RasterImage(RasterText.RenderLine(line, font, profile.DotsPerLine, _alignment, bold)));
                }
            }
        }
    }
}
