namespace OneStop.Core.Tests.Merge;

/// <summary>
/// One step of a simulated history. Kinds 0–2 write (2 writes two fields at once), 3 pulls a few
/// entries from a peer, 4 pulls everything a peer holds. Advance moves the node's physical clock,
/// backwards too.
/// </summary>
public sealed record SimulationOp(int Node, int Kind, int Field, int Value, int Peer, int Advance, int Take);
