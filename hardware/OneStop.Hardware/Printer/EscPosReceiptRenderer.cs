using System.Text;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>Lays out a <see cref="ReceiptDocument"/> as ESC/POS bytes for one printer profile.</summary>
public static class EscPosReceiptRenderer
{
    private static readonly Encoding Cp1258 = CreateCp1258();

    /// <summary>Raster mode needs a font; without one, Vietnamese text falls back to ASCII folding.</summary>
    public static byte[] Render(ReceiptDocument document, PrinterProfile profile, PsfFont? rasterFont = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(profile);
        var output = new List<byte>(1024);
        output.AddRange(EscPos.Initialize());
        if (profile.VietnameseMode == VietnameseTextMode.CodePage1258)
        {
            output.AddRange(EscPos.SelectCodeTable(profile.CodeTable1258));
        }

        var writer = new LineWriter(output, profile, profile.VietnameseMode == VietnameseTextMode.Raster ? rasterFont : null);
        writer.Align(TextAlignment.Center);
        output.AddRange(EscPos.Bold(true));
        foreach (var line in document.TitleLines)
        {
            writer.WriteWrapped(line);
        }

        output.AddRange(EscPos.Bold(false));
        if (!string.IsNullOrEmpty(document.Headline))
        {
            // Quadruple size: a queue number must be readable at arm's length.
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
            writer.WriteWrapped($"{field.Label}: {field.Value}");
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
            writer.WriteWrapped(line);
        }

        output.AddRange(EscPos.FeedLines(3));
        output.AddRange(EscPos.FeedAndPartialCut(0));
        return [.. output];
    }

    public static byte[] EncodeText(string text, PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.VietnameseMode switch
        {
            VietnameseTextMode.CodePage1258 => Cp1258.GetBytes(VietnameseText.ToCp1258Form(text)),
            _ => Encoding.ASCII.GetBytes(VietnameseText.FoldToAscii(text)),
        };
    }

    private static bool IsAscii(string text) => text.All(c => c is >= ' ' and <= '~');

    private static Encoding CreateCp1258()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    private sealed class LineWriter(List<byte> output, PrinterProfile profile, PsfFont? font)
    {
        private TextAlignment _alignment;

        public void Align(TextAlignment alignment)
        {
            _alignment = alignment;
            output.AddRange(EscPos.Align(alignment));
        }

        public void WriteWrapped(string text)
        {
            // Raster lines are drawn wider than Font A, so they wrap at the font's own width.
            var width = font is null ? profile.CharactersPerLine : RasterText.CharactersPerLine(font, profile.DotsPerLine);
            foreach (var line in TextWrap.Wrap(text, width))
            {
                if (font is not null && !IsAscii(line))
                {
                    output.AddRange(EscPos.RasterImage(RasterText.RenderLine(line, font, profile.DotsPerLine, _alignment)));
                }
                else
                {
                    output.AddRange(EncodeText(line, profile));
                    output.Add(EscPos.LineFeed);
                }
            }
        }
    }
}
