using OneStop.Core.Clock;
using OneStop.Core.Limits;
using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// What the hub accepts in a node's push, decided once, before anything is stored: the hub cannot trust a
/// node's doors (an old version, a bug, a crafted client), so every entry is checked here. The whole batch is
/// refused at the first entry that fails, and the answer names it.
/// </summary>
public static class PushPolicy
{
    /// <summary>
    /// Largest wall time a pushed version may carry: the last millisecond of year 9999. Far-future but plausible
    /// readings are clamped, not refused (<see cref="ChangeEntryClamp"/>); past this, the reading is not a clock's.
    /// </summary>
    public const long MaxWallMs = 253_402_300_799_999;

    /// <param name="nodeId">The authenticated node.</param>
    /// <param name="communeCode">The commune that node serves.</param>
    /// <param name="entries">The batch as pushed.</param>
    /// <returns>Null when every entry may enter the log; else the first violation.</returns>
    public static PushViolation? Check(string nodeId, string communeCode, IReadOnlyList<ChangeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (CheckEntry(nodeId, communeCode, entry) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    /// <summary>As above for a push of one incarnation of the node's log: every entry must name that incarnation.</summary>
    public static PushViolation? Check(string nodeId, string communeCode, string incarnation, IReadOnlyList<ChangeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Check(nodeId, communeCode, entries)
            ?? entries.Where(entry => entry.OriginIncarnation != incarnation)
                .Select(entry => new PushViolation(PushViolationKind.ForgedOrigin, $"entry {entry.OriginSeq} claims incarnation '{entry.OriginIncarnation}' in a push of incarnation '{incarnation}'"))
                .FirstOrDefault();
    }

    /// <summary>Where a pushed seq stands against the hub's acknowledgement of that incarnation.</summary>
    public static PushPlace Place(long originSeq, long acked) =>
        originSeq <= acked ? PushPlace.Held : originSeq == acked + 1 ? PushPlace.Next : PushPlace.Gap;

    private static PushViolation? CheckEntry(string nodeId, string communeCode, ChangeEntry entry)
    {
        // The names of the entry and field are built only for a refusal: the hub checks every field of every push.
        string Which() => $"entry {entry.OriginSeq} (record {entry.RecordId})";
        if (entry.OriginNode != nodeId)
        {
            return new(PushViolationKind.ForgedOrigin, $"entry {entry.OriginSeq} claims origin '{entry.OriginNode}' but the caller is '{nodeId}'");
        }

        if (entry.Scope != communeCode || (RecordTypes.IsReference(entry.RecordType) && !NodeWrittenRecords.IsNodeWritable(entry.RecordType)))
        {
            return new(PushViolationKind.OutOfScope, $"entry {entry.OriginSeq} writes {entry.RecordType} in scope '{entry.Scope}'; node '{nodeId}' may write only commune {communeCode}");
        }

        if (entry.OriginSeq <= 0)
        {
            return new(PushViolationKind.Invalid, $"{Which()}: seq must be positive");
        }

        if (entry.Quarantined)
        {
            return entry.Fields.Count == 0 ? null : new(PushViolationKind.Invalid, $"{Which()}: a quarantined entry carries no fields");
        }

        if (NodeWrittenRecords.Refuse(nodeId, communeCode, entry) is { } refusal)
        {
            return new(PushViolationKind.OutOfScope, $"{Which()}: {refusal}");
        }

        var bytes = 0L;
        foreach (var field in entry.Fields)
        {
            string At() => $"{Which()} field '{Shorten(field.Name)}'";
            if (field.Name.Length > RecordLimits.MaxFieldNameChars)
            {
                return new(PushViolationKind.Invalid, $"{At()}: name longer than {RecordLimits.MaxFieldNameChars} characters");
            }

            if (FieldHistory.IsReserved(field.Name))
            {
                return new(PushViolationKind.Invalid, $"{At()}: names starting with '{FieldHistory.ReservedPrefix}' are the merge's own");
            }

            if (BadClock(field.Version, requireNode: true) is { } versionProblem)
            {
                return new(PushViolationKind.Invalid, $"{At()}: version {versionProblem}");
            }

            if (BadClock(field.Replaced, requireNode: false) is { } replacedProblem)
            {
                return new(PushViolationKind.Invalid, $"{At()}: replaced version {replacedProblem}");
            }

            // A node logs only its own writes, stamped by its own clock (LocalWrite); a version naming another
            // node would let it impersonate that node's writes or win every tie-break under its name.
            if (field.Version.Node != nodeId)
            {
                return new(PushViolationKind.Invalid, $"{At()}: version written by '{field.Version.Node}', not by '{nodeId}'");
            }

            bytes += field.Name.Length + (field.Json is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(field.Json));
        }

        return bytes > RecordLimits.MaxEntryBytes
            ? new(PushViolationKind.Invalid, $"{Which()}: {bytes:N0} bytes, more than an entry may carry ({RecordLimits.MaxEntryBytes:N0})")
            : null;
    }

    private static string? BadClock(HlcTimestamp value, bool requireNode)
    {
        if (value.WallMs is < 0 or > MaxWallMs)
        {
            return $"wall time {value.WallMs} is outside 0..{MaxWallMs}";
        }

        if (value.Counter is < 0 or > HlcTimestamp.MaxCounter)
        {
            return $"counter {value.Counter} is outside 0..{HlcTimestamp.MaxCounter}";
        }

        return requireNode && string.IsNullOrEmpty(value.Node) ? "names no node" : null;
    }

    private static string Shorten(string name) => name.Length > 80 ? name[..80] + "…" : name;
}

/// <summary>Why the hub refuses a batch.</summary>
public enum PushViolationKind
{
    /// <summary>An entry claims another origin than the calling node.</summary>
    ForgedOrigin,

    /// <summary>An entry writes outside the node's commune, writes reference data, or another node's settings or commune's accounts.</summary>
    OutOfScope,

    /// <summary>An entry is malformed: clock out of bounds, another node's version, reserved or oversized field.</summary>
    Invalid,
}

/// <summary>A pushed entry against the hub's acknowledgement.</summary>
public enum PushPlace
{
    /// <summary>At or below it: a repeat, a duplicate when its digest matches the held entry.</summary>
    Held,

    /// <summary>Right after it: applied.</summary>
    Next,

    /// <summary>Past the next seq: something between was lost on the node; the batch is refused.</summary>
    Gap,
}

/// <summary>The first entry of a batch the hub refuses, and why, naming the entry.</summary>
public sealed record PushViolation(PushViolationKind Kind, string Message);
