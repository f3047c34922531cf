using NetVips;

namespace OneStop.Edge.Tests.Scans;

/// <summary>
/// Page-like pictures without fonts: rows of dark word-shaped blocks on noisy off-white paper, so the tests do
/// not depend on which fonts the machine has.
/// </summary>
internal static class TestPages
{
    public const int Width = 2480;
    public const int Height = 3508;

    public static Image Lines(int seed)
    {
        var random = new Random(seed);
        using var paper = Image.Black(Width, Height) + 236;
        using var words = Image.Black(Width, Height).Mutate(m =>
        {
            for (var y = 300; y < Height - 300; y += 70)
            {
                for (var x = 240; x < Width - 400;)
                {
                    var length = random.Next(60, 260);
                    m.DrawRect([200], x, y, length, 28, fill: true);
                    x += length + random.Next(25, 45);
                }
            }
        });
        using var inked = paper - words;
        using var noise = Image.Gaussnoise(Width, Height, sigma: 9, mean: 0);
        using var noisy = inked + noise;
        using var grey = noisy.Cast(Enums.BandFormat.Uchar);
        return grey.Bandjoin(grey, grey).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(Image page, int? orientation = null)
    {
        if (orientation is not { } value)
        {
            return page.JpegsaveBuffer(q: 95);
        }

        using var tagged = page.Mutate(m => m.Set(GValue.GIntType, "orientation", value));
        return tagged.JpegsaveBuffer(q: 95);
    }
}
