using OneStop.Core.Changes;

namespace OneStop.Core.Merge;

/// <summary>
/// Whether two writes of one field saw each other, judged from their versions alone. A write is taken
/// to have seen every version at or below the one it replaced (its writer's latest version of that field),
/// so two writes are concurrent when neither's replaced version reaches the other's version.
/// </summary>
public static class Concurrency
{
    public static bool AreConcurrent(FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return !WriteIdentity.SameWrite(a, b) && a.Replaced < b.Version && b.Replaced < a.Version;
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
}
