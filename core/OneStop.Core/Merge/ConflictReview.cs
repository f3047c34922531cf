using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Resolving a conflict is an ordinary write that saw both sides: its version is newer than both and it
/// replaces the field's latest version, so it supersedes both and is not itself concurrent with either.
/// </summary>
public static class ConflictReview
{
    /// <summary>The write that settles <paramref name="conflict"/> on <paramref name="chosenJson"/> (either side's value or a new one).</summary>
    public static FieldChange Resolve(StoredRecord? record, FieldConflict conflict, string chosenJson, HlcTimestamp version)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var write = FieldWrites.Set(record, conflict.Field, chosenJson, version);
        if (write.Replaced < Newest(conflict) || version <= Newest(conflict))
        {
            throw new ArgumentException("A resolution must come from a replica that holds both sides, with a newer version.", nameof(version));
        }

        return write;
    }

    /// <summary>Whether the record holds a later write of the field that saw both sides of the conflict.</summary>
    public static bool IsResolved(StoredRecord? record, FieldConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var newest = Newest(conflict);
        return FieldHistory.Writes(record, conflict.Field).Any(write => write.Replaced >= newest);
    }

    private static HlcTimestamp Newest(FieldConflict conflict) =>
        HlcTimestamp.Max(conflict.Winner.Version, conflict.Loser.Version);
}
