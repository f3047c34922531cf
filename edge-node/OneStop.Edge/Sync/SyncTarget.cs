namespace OneStop.Edge.Sync;

/// <summary>Where and how often the sync loop goes, read again before every round so a new setting needs no restart.</summary>
/// <param name="HubUrl">The hub; null = offline only.</param>
/// <param name="Interval">The wait between rounds when no local write wakes the loop.</param>
public sealed record SyncTarget(Uri? HubUrl, TimeSpan Interval);

/// <summary>Where the sync loop reads its <see cref="SyncTarget"/>; without one it keeps to section "Sync" of the configuration.</summary>
public interface ISyncTargetSource
{
    Task<SyncTarget> ReadAsync(CancellationToken cancellationToken);
}
