namespace OneStop.Hub.Store;

/// <summary>What the hub did with one pushed batch.</summary>
public sealed record PushOutcome(long AckedSeq, int Applied, int Duplicates, int Conflicts, int Quarantined = 0);
