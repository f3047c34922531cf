using OneStop.Core.Clock;

namespace OneStop.Simulation;

/// <summary>Size and shape of one simulated seed.</summary>
public sealed record SimulationOptions
{
    public const long OneDayMs = 24L * 60 * 60 * 1000;

    public int Replicas { get; init; } = 5;

    /// <summary>Random operations before healing; each is a write, a sync step or a fault.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Dossiers the replicas create at most; few, so edits pile up on the same records.</summary>
    public int MaxDossiers { get; init; } = 8;

    /// <summary>Clock skew of each replica is drawn in ±this (the issue asks for up to a day).</summary>
    public long MaxSkewMs { get; init; } = OneDayMs;

    public long MaxAheadMs { get; init; } = ClockPolicy.DefaultMaxAheadMs;

    public string Commune { get; init; } = "c001";

    /// <summary>Where seed directories go: /dev/shm when it exists (SQLite with synchronous=FULL is fsync-bound on disk).</summary>
    public string? DataRoot { get; init; }

    public static string DefaultDataRoot() =>
        Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
}
