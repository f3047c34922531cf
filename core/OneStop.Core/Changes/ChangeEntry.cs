namespace OneStop.Core.Changes;

/// <summary>
/// An entry of a node's change log: written in the same transaction as the record it describes, and
/// identified across the whole system by (<see cref="OriginNode"/>, <see cref="OriginIncarnation"/>, <see cref="OriginSeq"/>).
/// </summary>
/// <remarks>
/// <see cref="Quarantined"/> marks a stand-in the origin sends for an entry it cannot send (too large):
/// no fields, acknowledged by the hub but never applied.
/// </remarks>
public sealed record ChangeEntry(
    string OriginNode,
    long OriginSeq,
    Guid RecordId,
    string RecordType,
    string Scope,
    IReadOnlyList<FieldChange> Fields,
    bool ClockClamped = false,
    bool Quarantined = false)
{
    /// <summary>
    /// The change log the entry belongs to (see <see cref="IncarnationPolicy"/>): a rebuilt, restored or cloned
    /// node starts a new one, so its seqs never collide with an earlier life's. Empty for stores of the build
    /// before incarnations (legacy).
    /// </summary>
    public string OriginIncarnation { get; init; } = string.Empty;
}
