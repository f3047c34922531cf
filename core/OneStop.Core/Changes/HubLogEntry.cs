namespace OneStop.Core.Changes;

/// <summary>A change as ordered in the hub's global log; <see cref="HubSeq"/> is the pull cursor.</summary>
public sealed record HubLogEntry(long HubSeq, ChangeEntry Change);
