using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Attachments;

/// <summary>
/// How much attachment content one sync round may fetch from the hub (section "Sync:AttachmentFetch"). The bounds keep
/// the next round, and the records it carries, from waiting behind a large download on a 2G link; what is left
/// resumes at the next round from the bytes already here.
/// </summary>
public sealed class AttachmentFetchOptions
{
    public const string Section = "Sync:AttachmentFetch";

    /// <summary>Default bytes per round: 1 MiB, about two minutes at 64 kbit/s.</summary>
    public const long DefaultMaxBytesPerRound = 1024 * 1024;

    /// <summary>Default time per round: 60 s.</summary>
    public const int DefaultMaxSecondsPerRound = 60;

    /// <summary>Default wait before fetching again content that failed its SHA-256 check or was refused: 10 minutes.</summary>
    public const int DefaultRetryMinutes = 10;

    [Range(1, long.MaxValue)]
    public long MaxBytesPerRound { get; set; } = DefaultMaxBytesPerRound;

    [Range(1, 3600)]
    public int MaxSecondsPerRound { get; set; } = DefaultMaxSecondsPerRound;

    [Range(0, 24 * 60)]
    public int RetryMinutes { get; set; } = DefaultRetryMinutes;
}
