using OneStop.Core.Changes;

namespace OneStop.Core.Merge;

/// <summary>
/// The total order in which the writes of one field compete: the greatest is the value every replica
/// shows. A total order over the set of writes is what makes the merge commutative, associative and
/// idempotent: the result depends on which writes a replica holds, never on when they arrived.
/// </summary>
public static class WriteOrder
{
    /// <summary>Positive when <paramref name="a"/> beats <paramref name="b"/> under <paramref name="rule"/>.</summary>
    public static int Compare(FieldRule rule, FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (rule == FieldRule.StatusLifecycle)
        {
            var byRank = DossierStatusRank.Of(a).CompareTo(DossierStatusRank.Of(b));
            if (byRank != 0)
            {
                return byRank;
            }
        }

        var byVersion = a.Version.CompareTo(b.Version);
        if (rule == FieldRule.AppendOnce)
        {
            byVersion = -byVersion;
        }

        if (byVersion != 0)
        {
            return byVersion;
        }

        // Equal versions only happen with a faulty or clamped origin; any fixed tie-break will do.
        var byValue = WriteIdentity.CompareValues(a, b);
        var byReplaced = byValue != 0 ? byValue : a.Replaced.CompareTo(b.Replaced);
        return byReplaced != 0 ? byReplaced : string.CompareOrdinal(a.Seen.ToString(), b.Seen.ToString());
    }

    /// <summary>The winning write among <paramref name="writes"/> (not empty).</summary>
    /// <remarks>
    /// For a dossier status, a write that saw another (it replaced a version at or above the other's) supersedes
    /// it whatever their ranks: rank only orders writes that did not see each other. A reviewer's resolution is
    /// such a write, so keeping "withdrawn" over a concurrent "approved" holds on every replica. "Saw" is a
    /// property of the set, not of arrival order, and it cannot cycle (a write's version is above what it
    /// replaced), so every replica holding the same writes picks the same winner.
    /// </remarks>
    public static FieldChange Winner(FieldRule rule, IEnumerable<FieldChange> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var all = writes as IReadOnlyList<FieldChange> ?? [.. writes];
        var candidates = rule == FieldRule.StatusLifecycle ? all.Where(write => !IsSuperseded(write, all)) : all;
        FieldChange? best = null;
        foreach (var write in candidates)
        {
            if (best is null || Compare(rule, write, best) > 0)
            {
                best = write;
            }
        }

        return best ?? throw new ArgumentException("A field has at least one write.", nameof(writes));
    }

    private static bool IsSuperseded(FieldChange write, IReadOnlyList<FieldChange> all) =>
        all.Any(other => other.Replaced >= write.Version && other.Version > write.Version);
}
