namespace OneStop.Core.Repair;

/// <summary>One record as anti-entropy sees it: its id, its place in the id space and the hash of its writes.</summary>
public readonly record struct DigestLeaf(Guid Id, ulong Position, ulong Hash);
