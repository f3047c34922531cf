using NetVips;

namespace OneStop.Scans;

/// <summary>
/// Turns a photo or scan of a paper page into the copy that travels: upright, light evened out, grey unless
/// the page is really in colour, at a resolution tesseract still reads, in WebP, within <see cref="ScanOptions.MaxBytes"/>.
/// The original is kept by the caller; this class only makes the small copy.
/// </summary>
public static class ScanNormaliser
{
    public const string WebP = "image/webp";

    private static readonly string[] Images = ["image/jpeg", "image/png", "image/tiff", WebP];

    // A page counts as colour when more than this share of it is strongly coloured: a stamp or a
    // coloured letterhead covers far less, a photo of a person or a coloured map far more.
    private const double ColourShare = 0.08;
    private const double StrongChroma = 30;

    // The node shrinks each page once: libvips' operation cache would only hold tens of MB of decoded pages.
    static ScanNormaliser() => Cache.Max = 0;

    /// <summary>Whether content of this media type is a picture this class can shrink (a PDF is not).</summary>
    public static bool Accepts(string mediaType) => Images.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The small copy of <paramref name="content"/>, or null when there is nothing to gain: the content is not
    /// a picture libvips reads, or it is already smaller than the copy would be.
    /// </summary>
    public static NormalisedScan? TryNormalise(byte[] content, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        Image page;
        try
        {
            using var loaded = Image.NewFromBuffer(content, access: Enums.Access.Random);
            page = Upright(loaded);
        }
        catch (VipsException)
        {
            return null;
        }

        using (page)
        {
            var colour = IsColour(page);
            using var toned = colour ? page.Colourspace(Enums.Interpretation.Srgb) : EvenLight(Grey(page));
            using var sized = Fit(toned, options.LongSidePixels);
            using var straight = colour ? sized.Copy() : Deskew(sized);
            var encoded = Encode(straight, options);
            return encoded.Content.Length < content.Length ? encoded with { Colour = colour } : null;
        }
    }

    // EXIF orientation first (phones store portrait photos sideways), alpha flattened onto white paper.
    private static Image Upright(Image loaded)
    {
        using var rotated = loaded.Autorot();
        using var flat = rotated.HasAlpha() ? rotated.Flatten(background: [255, 255, 255]) : rotated.Copy();
        return flat.CopyMemory();
    }

    private static bool IsColour(Image page)
    {
        if (page.Bands < 3)
        {
            return false;
        }

        using var small = page.ThumbnailImage(400);
        using var lch = small.Colourspace(Enums.Interpretation.Lch);
        using var chroma = lch[1];
        using var strong = chroma > StrongChroma;
        return strong.Avg() / 255.0 > ColourShare;
    }

    private static Image Grey(Image page)
    {
        using var bw = page.Colourspace(Enums.Interpretation.Bw);
        using var one = bw.Bands > 1 ? bw[0] : bw.Copy();
        return one.Cast(Enums.BandFormat.Uchar);
    }

    /// <summary>
    /// Divides the page by its own paper: the brightest neighbourhood of each region, blurred, stands for the
    /// light falling there. Shadows and a lamp's fall-off go, the paper becomes white (and compresses to nothing),
    /// ink keeps its contrast to the paper around it.
    /// </summary>
    private static Image EvenLight(Image grey)
    {
        using var owned = grey;
        const int Shrink = 16;
        using var small = owned.Resize(1.0 / Shrink, kernel: Enums.Kernel.Linear);
        using var paper = small.Rank(9, 9, 80);
        using var soft = paper.Gaussblur(4);
        using var full = soft.Resize((double)owned.Width / soft.Width, vscale: (double)owned.Height / soft.Height, kernel: Enums.Kernel.Linear);
        using var floor = full.Linear([1.0], [1.0]);
        using var ratio = owned.Cast(Enums.BandFormat.Float) / floor;
        // Paper at 0.9 of its neighbourhood or brighter is white; ink is stretched over the rest.
        using var stretched = ratio.Linear([255.0 / 0.9], [0.0]);
        using var cast = stretched.Cast(Enums.BandFormat.Uchar);
        return cast.CopyMemory();
    }

    private static Image Fit(Image page, int longSide)
    {
        var longest = Math.Max(page.Width, page.Height);
        using var fitted = longest <= longSide ? page.Copy() : page.Resize((double)longSide / longest, kernel: Enums.Kernel.Lanczos3);
        return fitted.CopyMemory();
    }

    /// <summary>
    /// Straightens a page photographed a few degrees off: the angle at which rows of ink line up best (the
    /// projection of dark pixels onto the vertical has the most variance) is searched on a small copy.
    /// </summary>
    private static Image Deskew(Image grey)
    {
        var angle = SkewAngle(grey);
        if (Math.Abs(angle) < 0.25)
        {
            return grey.Copy();
        }

        using var rotated = grey.Similarity(angle: -angle, background: [255], interpolate: Interpolate.NewFromName("bilinear"));
        var left = (rotated.Width - grey.Width) / 2;
        var top = (rotated.Height - grey.Height) / 2;
        return rotated.ExtractArea(Math.Max(0, left), Math.Max(0, top), Math.Min(grey.Width, rotated.Width), Math.Min(grey.Height, rotated.Height));
    }

    /// <summary>The page's skew in degrees (clockwise positive), searched within ±6°.</summary>
    public static double SkewAngle(Image grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var small = grey.Resize(800.0 / Math.Max(grey.Width, grey.Height));
        using var dark = small < 128;
        // Every angle tried reads this small copy: kept in memory, not recomputed from the page each time.
        using var ink = dark.CopyMemory();
        var best = 0.0;
        var bestScore = double.MinValue;
        for (var tenth = -60; tenth <= 60; tenth += 5)
        {
            var score = RowVariance(ink, tenth / 10.0);
            if (score > bestScore)
            {
                bestScore = score;
                best = tenth / 10.0;
            }
        }

        // A finer pass around the coarse best.
        var coarse = best;
        for (var step = -4; step <= 4; step++)
        {
            var candidate = coarse + (step / 10.0);
            var score = RowVariance(ink, candidate);
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }

        return best;
    }

    private static double RowVariance(Image ink, double angle)
    {
        using var turned = ink.Similarity(angle: -angle, background: [0]);
        var projection = turned.Project();
        using var columns = (Image)projection[0];
        using var rows = (Image)projection[1];
        using var asDouble = rows.Cast(Enums.BandFormat.Double);
        var sums = asDouble.WriteToMemory<double>();
        var mean = 0.0;
        foreach (var s in sums)
        {
            mean += s;
        }

        mean /= sums.Length;
        var variance = 0.0;
        foreach (var s in sums)
        {
            variance += (s - mean) * (s - mean);
        }

        return variance / sums.Length;
    }

    /// <summary>The highest quality that fits; below the floor the page is scaled down a step and tried again.</summary>
    private static NormalisedScan Encode(Image page, ScanOptions options)
    {
        var current = page.CopyMemory();
        try
        {
            while (true)
            {
                for (var quality = options.StartQuality; quality >= options.MinQuality; quality -= 10)
                {
                    var bytes = current.WebpsaveBuffer(q: quality, effort: 4, keep: Enums.ForeignKeep.None);
                    if (bytes.Length <= options.MaxBytes)
                    {
                        return new NormalisedScan(bytes, WebP, current.Width, current.Height, quality, false);
                    }
                }

                var smaller = current.Resize(0.85, kernel: Enums.Kernel.Lanczos3).CopyMemory();
                current.Dispose();
                current = smaller;
            }
        }
        finally
        {
            current.Dispose();
        }
    }
}
