namespace OneStop.Scans;

/// <summary>How far a page is shrunk before it travels.</summary>
public sealed class ScanOptions
{
    /// <summary>Default of <see cref="MaxBytes"/>: 150 KB, so a page crosses a 64 kbit/s uplink in under 20 s.</summary>
    public const int DefaultMaxBytes = 150 * 1024;

    /// <summary>Default of <see cref="LongSidePixels"/>: A4's long side (11.69 in) at 200 dpi.</summary>
    public const int DefaultLongSidePixels = 2339;

    /// <summary>Default of <see cref="StartQuality"/>.</summary>
    public const int DefaultStartQuality = 85;

    /// <summary>Default of <see cref="MinQuality"/>.</summary>
    public const int DefaultMinQuality = 30;

    /// <summary>Largest normalised page, in bytes (default 150 KB).</summary>
    public int MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Longest side kept, in pixels (default 2,339: A4 at 200 dpi). Tesseract reads body text best with
    /// capitals 20-30 px tall; at 200 dpi a 12 pt capital is about 23 px, and diacritics stay apart from the letter.
    /// </summary>
    public int LongSidePixels { get; init; } = DefaultLongSidePixels;

    /// <summary>WebP quality tried first (default 85); lowered in steps until the page fits.</summary>
    public int StartQuality { get; init; } = DefaultStartQuality;

    /// <summary>Lowest WebP quality (default 30) before the page is scaled down instead.</summary>
    public int MinQuality { get; init; } = DefaultMinQuality;
}
