using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Merge;

/// <summary>
/// Resolving a conflict is an ordinary write that saw both sides: its version is newer than both and its
/// vector covers both, so it supersedes both and is not itself concurrent with either.
/// </summary>
public static class ConflictReview
{
    /// <summary>The write that settles <paramref name="conflict"/> on <paramref name="chosenJson"/> (either side's value or a new one).</summary>
    public static FieldChange Resolve(StoredRecord? record, FieldConflict conflict, string chosenJson, HlcTimestamp version)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        CheckValue(record, conflict, chosenJson);
        var write = FieldWrites.Set(record, conflict.Field, chosenJson, version);
        if (!Concurrency.HasSeen(write, conflict.Winner) || !Concurrency.HasSeen(write, conflict.Loser) || version <= Newest(conflict))
        {
            throw new ArgumentException("A resolution must come from a replica that holds both sides, with a newer version.", nameof(version));
        }

        return write;
    }

    /// <summary>
    /// Whether the record holds a write made after seeing either side. Both sides seen: the conflict is
    /// settled. One side seen: that side is no longer a current value, and the conflict gives way to the
    /// one between the other side and the write that superseded it (which the merge reports in its turn),
    /// so a review screen shows what the field holds now against the write it never saw.
    /// </summary>
    public static bool IsResolved(StoredRecord? record, FieldConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var writes = FieldHistory.Writes(record, conflict.Field);
        return Concurrency.IsSuperseded(conflict.Winner, writes) || Concurrency.IsSuperseded(conflict.Loser, writes);
    }

    /// <summary>
    /// A status can only be settled on a status one of the writes offered (either side, or what the field shows):
    /// any other would move the dossier along a path the state machine never allowed, e.g. back to "draft".
    /// </summary>
    private static void CheckValue(StoredRecord? record, FieldConflict conflict, string chosenJson)
    {
        if (record is null || FieldRules.For(record.Type, conflict.Field) != FieldRule.StatusLifecycle)
        {
            return;
        }

        var chosen = FieldChange.Set(conflict.Field, chosenJson, HlcTimestamp.Zero, HlcTimestamp.Zero);
        if (!DossierStatusRank.TryRead(chosen, out var status))
        {
            throw new ResolutionRefusedException($"'{chosenJson}' không phải là trạng thái hồ sơ.", $"'{chosenJson}' is not a dossier status.");
        }

        var offered = new[] { conflict.Winner, conflict.Loser, record.Fields.GetValueOrDefault(conflict.Field) }
            .Select(write => write is not null && DossierStatusRank.TryRead(write, out var s) ? s : (Dossiers.DossierStatus?)null)
            .OfType<Dossiers.DossierStatus>()
            .ToHashSet();
        if (offered.Count > 0 && !offered.Contains(status))
        {
            var names = string.Join(", ", offered.Select(s => Dossiers.DossierStatusNames.ToName(s)));
            throw new ResolutionRefusedException(
                $"Chỉ có thể chọn một trong các trạng thái đang xung đột: {names}.",
                $"Choose one of the conflicting statuses: {names}.");
        }
    }

    private static HlcTimestamp Newest(FieldConflict conflict) =>
        HlcTimestamp.Max(conflict.Winner.Version, conflict.Loser.Version);
}
