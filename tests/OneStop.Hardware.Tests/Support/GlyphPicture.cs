using OneStop.Hardware.Printer;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Tests.Support;

/// <summary>Glyphs and bitmaps as rows of '#' and '.', so golden tests read like the authored font.</summary>
public static class GlyphPicture
{
    public static string[] Of(IBitmapFont font, string textElement)
    {
        Assert.True(font.TryGetGlyph(textElement, out var glyph), $"no glyph for '{textElement}'");
        var rowBytes = (font.Width + 7) / 8;
        var rows = new string[font.Height];
        for (var y = 0; y < font.Height; y++)
        {
            var chars = new char[font.Width];
            for (var x = 0; x < font.Width; x++)
            {
                chars[x] = (glyph[(y * rowBytes) + (x >> 3)] & (0x80 >> (x & 7))) != 0 ? '#' : '.';
            }

            rows[y] = new string(chars);
        }

        return rows;
    }

    public static string[] Of(MonochromeBitmap bitmap, int left, int width)
    {
        var rows = new string[bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            var chars = new char[width];
            for (var x = 0; x < width; x++)
            {
                chars[x] = bitmap[left + x, y] ? '#' : '.';
            }

            rows[y] = new string(chars);
        }

        return rows;
    }
}
