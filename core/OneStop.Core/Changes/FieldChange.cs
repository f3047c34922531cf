using OneStop.Core.Clock;

namespace OneStop.Core.Changes;

/// <summary>
/// One field written by one change: its JSON value (null when <see cref="Deleted"/>), the version it
/// carries and the version it replaced on its origin (how concurrent writes are told from later ones).
/// </summary>
public sealed record FieldChange(string Name, string? Json, bool Deleted, HlcTimestamp Version, HlcTimestamp Replaced)
{
    public static FieldChange Set(string name, string json, HlcTimestamp version, HlcTimestamp replaced) =>
        new(name, json, false, version, replaced);
}
