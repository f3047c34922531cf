using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.StoreHealth;

/// <summary>How the node watches its own storage (section "StoreHealth"). Every default is documented in docs/storage-health.md.</summary>
public sealed class StoreHealthOptions
{
    public const string Section = "StoreHealth";

    /// <summary>Default bound on the quick check at start: 20 s (a 50,000-dossier store takes far less, see docs/storage-health.md).</summary>
    public const int DefaultQuickCheckSeconds = 20;

    /// <summary>Default quiet hour for the full integrity check: 02:00 Vietnam time, when no office is open.</summary>
    public const int DefaultFullCheckHour = 2;

    /// <summary>Default warning threshold: 1 GiB free.</summary>
    public const long DefaultWarningFreeBytes = 1L << 30;

    /// <summary>Default warning threshold as a share of the card: 10 % free.</summary>
    public const int DefaultWarningFreePercent = 10;

    /// <summary>Default "full" threshold: 64 MiB free, about three large scans; below it writes may fail any moment.</summary>
    public const long DefaultCriticalFreeBytes = 64L << 20;

    /// <summary>Default age after which an uploaded attachment's content may be freed on the node: 90 days.</summary>
    public const int DefaultReleaseUploadedAfterDays = 90;

    /// <summary>Quick check (PRAGMA quick_check) before the node serves its first request.</summary>
    public bool QuickCheckAtStart { get; set; } = true;

    /// <summary>The quick check stops after this long; an unfinished check is reported, and the full check at the quiet hour covers it.</summary>
    [Range(1, 3600)]
    public int QuickCheckSeconds { get; set; } = DefaultQuickCheckSeconds;

    /// <summary>Full integrity check (PRAGMA integrity_check) once a day at this hour, Vietnam time; -1 turns it off.</summary>
    [Range(-1, 23)]
    public int FullCheckHour { get; set; } = DefaultFullCheckHour;

    /// <summary>Pause between free-space and wear readings.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>Warn when free space falls below this many bytes...</summary>
    [Range(0, long.MaxValue)]
    public long WarningFreeBytes { get; set; } = DefaultWarningFreeBytes;

    /// <summary>...or below this share of the disk, whichever comes first.</summary>
    [Range(0, 100)]
    public int WarningFreePercent { get; set; } = DefaultWarningFreePercent;

    /// <summary>Say "full" below this many bytes free; housekeeping runs at once.</summary>
    [Range(0, long.MaxValue)]
    public long CriticalFreeBytes { get; set; } = DefaultCriticalFreeBytes;

    /// <summary>Housekeeping frees the content of attachments the hub confirmed at least this many days ago (the record stays).</summary>
    [Range(0, 36500)]
    public int ReleaseUploadedAfterDays { get; set; } = DefaultReleaseUploadedAfterDays;
}
