using System.Collections.Frozen;
using System.Text;

namespace OneStop.Hardware.Text;

/// <summary>
/// The 8×16 raster font built into the library, so a slip prints "Nguyễn Thị Ánh" with its marks on any printer
/// without a font file on the appliance or the CI machine. Letters are composed, not stored: a precomposed letter
/// is decomposed (FormD) into its base glyph (<see cref="BaseGlyphs"/>) and its marks (<see cref="DiacriticMarks"/>),
/// which are stacked above, hung below or (horn) attached at the top right.
/// </summary>
/// <remarks>
/// Cell rows 0-4 are kept for marks (two stacked marks fit over a capital: Ấ), rows 5-14 hold the base glyph,
/// row 15 stays blank so raster lines printed one under another never touch. Marks the font does not know
/// (e.g. the diaeresis of "ü") are left off, so the letter still prints as its base.
/// </remarks>
public sealed class VietnameseBitmapFont : IBitmapFont
{
    public const int CellWidth = 8;
    public const int CellHeight = 16;

    /// <summary>Cell row of the base glyph's first row.</summary>
    public const int BodyTop = 5;

    private const int DotBelowRow = BodyTop + BaseGlyphs.Rows - 1;
    private readonly FrozenDictionary<char, byte[]> _bases;

    private VietnameseBitmapFont()
    {
        var bases = new Dictionary<char, byte[]>();
        foreach (var sheet in BaseGlyphs.Sheets)
        {
            for (var i = 0; i < sheet.Characters.Length; i++)
            {
                var glyph = new byte[CellHeight];
                var y = BodyTop;
                foreach (var row in sheet.RowsOf(i, BaseGlyphs.Columns))
                {
                    glyph[y++] = PackRow(row);
                }

                bases.Add(sheet.Characters[i], glyph);
            }
        }

        _bases = bases.ToFrozenDictionary();
    }

    public static VietnameseBitmapFont Instance { get; } = new();

    public int Width => CellWidth;

    public int Height => CellHeight;

    public bool TryGetGlyph(string textElement, out ReadOnlySpan<byte> glyph)
    {
        ArgumentNullException.ThrowIfNull(textElement);
        glyph = default;
        var decomposed = textElement.Normalize(NormalizationForm.FormD);
        if (decomposed.Length == 0 || !_bases.TryGetValue(decomposed[0], out var baseGlyph))
        {
            return false;
        }

        if (decomposed.Length == 1)
        {
            glyph = baseGlyph;
            return true;
        }

        glyph = Compose(decomposed[0], decomposed.AsSpan(1));
        return true;
    }

    private byte[] Compose(char baseLetter, ReadOnlySpan<char> marks)
    {
        var above = new List<string[]>(2);
        foreach (var mark in marks)
        {
            if (DiacriticMarks.IsHatOrBreve(mark))
            {
                above.Insert(0, DiacriticMarks.Above[mark]);
            }
            else if (DiacriticMarks.Above.TryGetValue(mark, out var rows))
            {
                above.Add(rows);
            }
        }

        // A tone on i replaces its dot (í); the dot below of ị keeps it.
        var glyph = (byte[])_bases[baseLetter is 'i' && above.Count > 0 ? 'ı' : baseLetter].Clone();
        var ink = InkBounds(glyph);
        if (marks.Contains(DiacriticMarks.Horn))
        {
            SetDot(glyph, ink.Right + 1, ink.Top - 1);
            SetDot(glyph, ink.Right + 1, ink.Top);
        }

        if (marks.Contains(DiacriticMarks.DotBelow))
        {
            DrawDotBelow(glyph, ink);
        }

        StackAbove(glyph, ink, above);
        return glyph;
    }

    /// <summary>Upward from the letter; a blank row between letter and mark (and between marks) when there is room.</summary>
    private static void StackAbove(byte[] glyph, Bounds ink, List<string[]> marks)
    {
        var height = marks.Sum(rows => rows.Length);
        var gaps = Math.Clamp(ink.Top - height, 0, marks.Count);
        var bottom = ink.Top;
        foreach (var rows in marks)
        {
            if (gaps > 0)
            {
                bottom--;
                gaps--;
            }

            var top = bottom - rows.Length;
            var shift = CentringShift(ink, rows);
            for (var r = 0; r < rows.Length; r++)
            {
                DrawRow(glyph, rows[r], top + r, shift);
            }

            bottom = top;
        }
    }

    /// <summary>Under the baseline, centred; a descender in the way (ỵ) pushes it sideways until it stands clear.</summary>
    private static void DrawDotBelow(byte[] glyph, Bounds ink)
    {
        var row = DiacriticMarks.DotBelowRow;
        var shift = CentringShift(ink, [row]);
        var left = row.IndexOf('#', StringComparison.Ordinal);
        var right = row.LastIndexOf('#');
        foreach (var nudge in (ReadOnlySpan<int>)[0, -1, -2, 1, 2])
        {
            var from = left + shift + nudge - 1;
            var to = right + shift + nudge + 1;
            if (!HasInk(glyph, from, to, DotBelowRow - 1, DotBelowRow))
            {
                DrawRow(glyph, row, DotBelowRow, shift + nudge);
                return;
            }
        }

        DrawRow(glyph, row, DotBelowRow, shift);
    }

    private static int CentringShift(Bounds ink, string[] rows)
    {
        var left = rows.Min(row => row.Contains('#', StringComparison.Ordinal) ? row.IndexOf('#', StringComparison.Ordinal) : int.MaxValue);
        var right = rows.Max(row => row.LastIndexOf('#'));
        return (ink.Left + ink.Right - (left + right)) / 2;
    }

    private static void DrawRow(byte[] glyph, string row, int y, int shift)
    {
        for (var x = 0; x < row.Length; x++)
        {
            if (row[x] == '#')
            {
                SetDot(glyph, x + shift, y);
            }
        }
    }

    private static void SetDot(byte[] glyph, int x, int y)
    {
        if (x is >= 0 and < CellWidth && y is >= 0 and < CellHeight)
        {
            glyph[y] |= (byte)(0x80 >> x);
        }
    }

    private static bool HasInk(byte[] glyph, int fromX, int toX, int fromY, int toY)
    {
        for (var y = fromY; y <= toY; y++)
        {
            for (var x = Math.Max(fromX, 0); x <= Math.Min(toX, CellWidth - 1); x++)
            {
                if ((glyph[y] & (0x80 >> x)) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Bounds InkBounds(byte[] glyph)
    {
        var top = Array.FindIndex(glyph, row => row != 0);
        var all = glyph.Aggregate(0, (acc, row) => acc | row);
        if (top < 0)
        {
            return new Bounds(BodyTop, 0, CellWidth - 2);
        }

        var left = 0;
        while ((all & (0x80 >> left)) == 0)
        {
            left++;
        }

        var right = CellWidth - 1;
        while ((all & (0x80 >> right)) == 0)
        {
            right--;
        }

        return new Bounds(top, left, right);
    }

    private static byte PackRow(string row)
    {
        var packed = 0;
        for (var x = 0; x < row.Length; x++)
        {
            if (row[x] == '#')
            {
                packed |= 0x80 >> x;
            }
        }

        return (byte)packed;
    }

    private readonly record struct Bounds(int Top, int Left, int Right);
}
