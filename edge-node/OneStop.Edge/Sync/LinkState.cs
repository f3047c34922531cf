namespace OneStop.Edge.Sync;

/// <summary>What the node knows of its link to the hub.</summary>
public enum LinkState
{
    /// <summary>No hub configured: the node works alone.</summary>
    Disabled,
    Offline,
    Syncing,
    Online,
}
