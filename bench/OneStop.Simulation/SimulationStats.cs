namespace OneStop.Simulation;

/// <summary>How often each fault and operation happened, so a run shows the faults were really exercised.</summary>
public sealed class SimulationStats
{
    public long Steps { get; set; }
    public long Writes { get; set; }
    public long HubWrites { get; set; }
    public long Resolutions { get; set; }
    public long PushesDelivered { get; set; }
    public long PushRequestsDropped { get; set; }
    public long PushRepliesDropped { get; set; }
    public long PushesDuplicated { get; set; }
    public long PushesDelayed { get; set; }
    public long GapBatchesRefused { get; set; }
    public long PullsDelivered { get; set; }
    public long PullsDropped { get; set; }
    public long PullsDuplicated { get; set; }
    public long PullsDelayed { get; set; }
    public long StalePullsApplied { get; set; }
    public long Partitions { get; set; }
    public long Restarts { get; set; }
    public long PowerCutClockResets { get; set; }
    public long HubRestarts { get; set; }
    public long ClampedEntries { get; set; }
    public long ConcurrentPairs { get; set; }
    public long OpenConflicts { get; set; }
    public long SettledConflicts { get; set; }
    public long HealingRounds { get; set; }

    public void Add(SimulationStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var property in typeof(SimulationStats).GetProperties())
        {
            property.SetValue(this, (long)property.GetValue(this)! + (long)property.GetValue(other)!);
        }
    }

    public override string ToString() =>
        string.Join(", ", typeof(SimulationStats).GetProperties().Select(p => $"{p.Name}={p.GetValue(this)}"));
}
