using OneStop.Core.Changes;

namespace OneStop.Core.Merge;

/// <summary>
/// Whether two writes of one field saw each other, judged from what each writer had seen of that field
/// (<see cref="FieldChange.Seen"/>): a write saw another when its vector covers the other's version. Clock
/// order is not causal order: a write made after a newer one can still have missed an older concurrent
/// one, and only the vector tells. A write without a vector (from a node on the previous build) is taken,
/// as before, to have seen every version at or below the one it replaced.
/// </summary>
public static class Concurrency
{
    /// <summary>Whether the writer of <paramref name="later"/> had seen <paramref name="earlier"/> (directly or through writes it merged).</summary>
    public static bool HasSeen(FieldChange later, FieldChange earlier)
    {
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(earlier);
        return later.Seen.IsEmpty ? later.Replaced >= earlier.Version : later.Seen.Covers(earlier.Version);
    }

    public static bool AreConcurrent(FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return !WriteIdentity.SameWrite(a, b) && !HasSeen(a, b) && !HasSeen(b, a);
    }

    /// <summary>
    /// A conflict: concurrent writes that leave different values. For a dossier status, two statuses
    /// on one path of the life cycle are not a conflict (the further one simply stands); equal ranks
    /// (decided by the clocks) and statuses on different branches (approved and rejected, withdrawn and a
    /// decision) are. The answer depends on the two writes only, so every replica finds the same pairs.
    /// </summary>
    public static bool IsConflict(FieldRule rule, FieldChange a, FieldChange b)
    {
        if (!AreConcurrent(a, b) || WriteIdentity.SameValue(a, b))
        {
            return false;
        }

        return rule != FieldRule.StatusLifecycle || !DossierStatusRank.OnePathApart(a, b);
    }

    /// <summary>
    /// Whether a write in <paramref name="writes"/> was made after seeing <paramref name="write"/>: then
    /// <paramref name="write"/> is no longer a current value of its field, and a conflict naming it gives
    /// way to one naming the write that superseded it.
    /// </summary>
    public static bool IsSuperseded(FieldChange write, IEnumerable<FieldChange> writes)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Any(other => !WriteIdentity.SameWrite(other, write) && HasSeen(other, write));
    }
}
