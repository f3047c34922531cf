using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Sync;

/// <summary>When the node compares its commune's records with the hub's (section "Sync:Repair").</summary>
public sealed class RepairOptions
{
    public const string Section = "Sync:Repair";

    /// <summary>
    /// Default pause between scheduled repairs: 60 minutes. An in-sync commune costs a few hundred bytes a
    /// repair (bench: repair-bytes), so hourly is cheap even on a 2G link; a cursor reset repairs at once.
    /// </summary>
    public const int DefaultIntervalMinutes = 60;

    /// <summary>Default bound on records per repair push or fetch: 100.</summary>
    public const int DefaultBatchRecords = 100;

    /// <summary>0 turns scheduled repairs off (a cursor reset still repairs). Fractional minutes are allowed, so a
    /// bench can run a day at 100 × speed with the same schedule (bench: idle-day).</summary>
    [Range(0.0, 7 * 24 * 60.0)]
    public double IntervalMinutes { get; set; } = DefaultIntervalMinutes;

    [Range(1, 500)]
    public int BatchRecords { get; set; } = DefaultBatchRecords;
}
