using OneStop.Core.Changes;

namespace OneStop.Simulation;

/// <summary>A message the network holds back, to deliver after newer ones (reordering) or lose.</summary>
public abstract record PendingMessage(Replica Replica, int Incarnation);

/// <summary>A push request on its way to the hub; its reply goes back only to the incarnation that sent it.</summary>
public sealed record PendingPush(Replica Replica, int Incarnation, IReadOnlyList<ChangeEntry> Batch) : PendingMessage(Replica, Incarnation);

/// <summary>A pull reply on its way to a replica, read from the hub log when the request arrived.</summary>
public sealed record PendingPull(Replica Replica, int Incarnation, IReadOnlyList<HubLogEntry> Entries, long Cursor) : PendingMessage(Replica, Incarnation);
