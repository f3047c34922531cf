using System.Text;
using OneStop.Hardware.Tests.Support;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Tests.Text;

public class VietnameseBitmapFontTests
{
    private static readonly VietnameseBitmapFont Font = VietnameseBitmapFont.Instance;

    [Fact]
    public void Glyph_A_IsTheAuthoredBitmapBelowTheMarkBand()
    {
        string[] expected =
        [
            "........",
            "........",
            "........",
            "........",
            "........",
            "..##....",
            ".#..#...",
            "#....#..",
            "#....#..",
            "######..",
            "#....#..",
            "#....#..",
            "#....#..",
            "........",
            "........",
            "........",
        ];

        Assert.Equal(expected, GlyphPicture.Of(Font, "A"));
    }

    [Fact]
    public void Glyph_ACircumflexAcute_StacksHatThenToneAboveTheCapital()
    {
        // Rows 5-12 are 'A' unchanged; circumflex at 2-3 after one blank row; acute above it at 0-1.
        string[] expected =
        [
            "...#....",
            "..#.....",
            "..##....",
            ".#..#...",
            "........",
            "..##....",
            ".#..#...",
            "#....#..",
            "#....#..",
            "######..",
            "#....#..",
            "#....#..",
            "#....#..",
            "........",
            "........",
            "........",
        ];

        Assert.Equal(expected, GlyphPicture.Of(Font, "Ấ"));
        Assert.Equal(GlyphPicture.Of(Font, "A")[5..], GlyphPicture.Of(Font, "Ấ")[5..]);
    }

    [Fact]
    public void Glyph_OHornDotBelow_HornAtTopRightDotUnderBaseline()
    {
        string[] expected =
        [
            "........",
            "........",
            "........",
            "........",
            "........",
            "........",
            "......#.",
            ".####.#.",
            "#....#..",
            "#....#..",
            "#....#..",
            "#....#..",
            ".####...",
            "........",
            "..##....",
            "........",
        ];

        Assert.Equal(expected, GlyphPicture.Of(Font, "ợ"));
    }

    [Fact]
    public void Glyph_IWithTone_DropsTheDotButDotBelowKeepsIt()
    {
        var acute = GlyphPicture.Of(Font, "í");
        var dotBelow = GlyphPicture.Of(Font, "ị");

        // The acute sits where the dot was (rows 4-5, one blank row above the stem), not above a kept dot.
        Assert.Equal(GlyphPicture.Of(Font, "ı\u0301"), acute);
        Assert.Equal(["...#....", "..#.....", "........", ".##....."], acute[4..8]);
        Assert.Equal("..#.....", dotBelow[5]);
        Assert.Equal("..##....", dotBelow[14]);
    }

    [Fact]
    public void Glyph_DecomposedInput_SameAsPrecomposed()
    {
        Assert.Equal(GlyphPicture.Of(Font, "ễ"), GlyphPicture.Of(Font, "ễ".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void AllVietnameseLetters_HaveGlyphs_AllDistinct_LastRowBlank()
    {
        var letters = VietnameseLetters.All();
        var pictures = letters.ToDictionary(letter => letter, letter => string.Join("\n", GlyphPicture.Of(Font, letter)));

        Assert.Equal(134, letters.Count);
        Assert.Equal(letters.Count, pictures.Values.Distinct().Count());
        Assert.All(letters, letter => Assert.Equal("........", GlyphPicture.Of(Font, letter)[15]));
    }

    [Fact]
    public void PrintableAscii_AllHaveGlyphs_OnlySpaceIsBlank()
    {
        for (var c = ' '; c <= '~'; c++)
        {
            var ink = GlyphPicture.Of(Font, c.ToString()).Any(row => row.Contains('#', StringComparison.Ordinal));
            Assert.True(ink == (c != ' '), $"'{c}'");
        }
    }
}
