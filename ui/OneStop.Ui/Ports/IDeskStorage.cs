namespace OneStop.Ui.Ports;

/// <summary>The node's storage health as the desk shows it, and the commune admin's two remedies.</summary>
public interface IDeskStorage
{
    /// <summary>What every page's banner and the devices page show; no role needed (it carries no personal data).</summary>
    DeskStorageStatus Read();

    /// <summary>Salvages the damaged database into a fresh one and swaps it in; commune admin only.</summary>
    Task<DeskRecoveryResult> RecoverAsync(CancellationToken cancellationToken = default);

    /// <summary>Frees attachment content the hub already holds; commune admin only. Returns the bytes freed.</summary>
    Task<long> FreeSpaceAsync(CancellationToken cancellationToken = default);
}

public enum DeskStorageState
{
    Ok,
    Unchecked,
    Low,
    Full,
    Corrupt,
}

/// <param name="State">The worst of integrity and space.</param>
/// <param name="Detail">What the check found (technical, for the admin).</param>
/// <param name="FreeBytes">Free space on the data folder's disk.</param>
/// <param name="TotalBytes">Size of that disk.</param>
/// <param name="WrittenBytesPerDay">Bytes written to the card per day (kernel statistics), when known.</param>
/// <param name="QuickCheckAt">When the quick check at start ran.</param>
/// <param name="QuickCheckMs">How long it took.</param>
/// <param name="FullCheckAt">When the last full check ran.</param>
/// <param name="RecoveredAt">When the database was last rebuilt.</param>
/// <param name="DamagedCopy">Where the damaged file was kept.</param>
public sealed record DeskStorageStatus(
    DeskStorageState State,
    string? Detail,
    long? FreeBytes,
    long? TotalBytes,
    long? WrittenBytesPerDay,
    DateTimeOffset? QuickCheckAt,
    long? QuickCheckMs,
    DateTimeOffset? FullCheckAt,
    DateTimeOffset? RecoveredAt,
    string? DamagedCopy);

/// <param name="Recovered">The fresh database is in place.</param>
/// <param name="Summary">What was kept, or why it failed.</param>
public sealed record DeskRecoveryResult(bool Recovered, string Summary);
