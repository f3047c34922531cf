namespace OneStop.Hub.Nodes;

/// <summary>An authenticated node: who it is and the one commune it may write.</summary>
public sealed record NodeIdentity(string NodeId, string CommuneCode);
