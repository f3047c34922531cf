using System.ComponentModel.DataAnnotations;
using OneStop.Scans;

namespace OneStop.Edge.Attachments.Scans;

/// <summary>Whether and how far page photos and scans are shrunk at intake (section "Attachments:Scans").</summary>
public sealed class ScanIntakeOptions
{
    public const string Section = "Attachments:Scans";

    /// <summary>Shrink pictures at intake (default true); off, every file travels as it came.</summary>
    public bool Shrink { get; set; } = true;

    /// <summary>Largest small copy, in bytes (default <see cref="ScanOptions.DefaultMaxBytes"/>, 150 KB).</summary>
    [Range(16 * 1024, 10 * 1024 * 1024)]
    public int MaxBytes { get; set; } = ScanOptions.DefaultMaxBytes;

    /// <summary>Longest side of the small copy, in pixels (default <see cref="ScanOptions.DefaultLongSidePixels"/>, A4 at 200 dpi).</summary>
    [Range(800, 10_000)]
    public int LongSidePixels { get; set; } = ScanOptions.DefaultLongSidePixels;
}
