using System.Globalization;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>
/// Draws one line of text into a printer-wide bitmap for <c>GS v 0</c>, each font dot doubled: an 8×16 cell
/// becomes 16×32 dots (2 × 4 mm at 203 dpi), about the size of the printer's own 12×24 Font A.
/// </summary>
public static class RasterText
{
    public const int Scale = 2;

    /// <summary>Whole cells per line: 24 on 58 mm (384 dots), 36 on 80 mm (576 dots) with the built-in font.</summary>
    public static int CharactersPerLine(IBitmapFont font, int dotsPerLine)
    {
        ArgumentNullException.ThrowIfNull(font);
        return dotsPerLine / (font.Width * Scale);
    }

    /// <summary>
    /// Text beyond the paper width is cut at a whole character, never through one; callers wrap first
    /// (<see cref="CharactersPerLine"/>). Bold doubles every stroke one dot to the right, as printers do for ESC E.
    /// </summary>
    public static MonochromeBitmap RenderLine(string text, IBitmapFont font, int dotsPerLine, TextAlignment alignment, bool bold = false)
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
        var count = Math.Min(elements.Count, CharactersPerLine(font, dotsPerLine));
        var used = count * cell;
        var left = alignment switch
        {
            TextAlignment.Center => (dotsPerLine - used) / 2,
            TextAlignment.Right => dotsPerLine - used,
            _ => 0,
        };
        var bitmap = new MonochromeBitmap(dotsPerLine, font.Height * Scale);
        for (var i = 0; i < count; i++)
        {
            if (TryGetGlyph(font, elements[i], out var glyph))
            {
                DrawGlyph(bitmap, font, glyph, left + (i * cell), bold);
            }
        }

        return bitmap;
    }

    /// <summary>A font without the letter (a console font lacking ư) still prints it unaccented, else '?'.</summary>
    private static bool TryGetGlyph(IBitmapFont font, string element, out ReadOnlySpan<byte> glyph) =>
        font.TryGetGlyph(element, out glyph)
        || font.TryGetGlyph(VietnameseText.FoldToAscii(element), out glyph)
        || font.TryGetGlyph("?", out glyph);

    private static void DrawGlyph(MonochromeBitmap bitmap, IBitmapFont font, ReadOnlySpan<byte> glyph, int originX, bool bold)
    {
        var rowBytes = (font.Width + 7) / 8;
        var smear = bold ? 1 : 0;
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
                    for (var dx = 0; dx < Scale + smear; dx++)
                    {
                        bitmap[originX + (x * Scale) + dx, (y * Scale) + dy] = true;
                    }
                }
            }
        }
    }
}
