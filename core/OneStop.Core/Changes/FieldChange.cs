using OneStop.Core.Clock;
using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// One field written by one change: its JSON value (null when <see cref="Deleted"/>), the version it
/// carries and the version it replaced on its origin.
/// </summary>
public sealed record FieldChange(string Name, string? Json, bool Deleted, HlcTimestamp Version, HlcTimestamp Replaced)
{
    /// <summary>
    /// What the writer had seen of this field (<see cref="Concurrency"/> tells concurrent writes from later
    /// ones by it). Empty for a field's first write, and for writes from a node on a build before vectors,
    /// which are judged by <see cref="Replaced"/> alone.
    /// </summary>
    public VersionVector Seen
    {
        get;
        init => field = value ?? VersionVector.Empty;
    } = VersionVector.Empty;

    public static FieldChange Set(string name, string json, HlcTimestamp version, HlcTimestamp replaced) =>
        new(name, json, false, version, replaced);
}
