using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>One element of an append-only collection as read from a record.</summary>
public sealed record CollectionElement(string Id, string Json, HlcTimestamp Version);
