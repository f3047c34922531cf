using System.Globalization;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>Draws one line of text into a printer-wide bitmap, each font dot doubled so console fonts reach receipt size.</summary>
public static class RasterText
{
    public const int Scale = 2;

    public static int CharactersPerLine(PsfFont font, int dotsPerLine)
    {
        ArgumentNullException.ThrowIfNull(font);
        return dotsPerLine / (font.Width * Scale);
    }

    public static MonochromeBitmap RenderLine(string text, PsfFont font, int dotsPerLine, TextAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        var cell = font.Width * Scale;
        var used = Math.Min(elements.Count * cell, dotsPerLine);
        var left = alignment switch
        {
            TextAlignment.Center => (dotsPerLine - used) / 2,
            TextAlignment.Right => dotsPerLine - used,
            _ => 0,
        };
        var bitmap = new MonochromeBitmap(dotsPerLine, font.Height * Scale);
        var rowBytes = (font.Width + 7) / 8;
        for (var i = 0; i < elements.Count; i++)
        {
            if (!font.TryGetGlyph(elements[i], out var glyph) && !font.TryGetGlyph(VietnameseText.FoldToAscii(elements[i]), out glyph) && !font.TryGetGlyph("?", out glyph))
            {
                continue;
            }

            var originX = left + (i * cell);
            for (var y = 0; y < font.Height; y++)
            {
                for (var x = 0; x < font.Width; x++)
                {
                    if ((glyph[(y * rowBytes) + (x >> 3)] & (0x80 >> (x & 7))) == 0)
                    {
                        continue;
                    }

                    for (var dy = 0; dy < Scale; dy++)
                    {
                        for (var dx = 0; dx < Scale; dx++)
                        {
                            bitmap[originX + (x * Scale) + dx, (y * Scale) + dy] = true;
                        }
                    }
                }
            }
        }

        return bitmap;
    }
}
