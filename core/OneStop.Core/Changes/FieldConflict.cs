using OneStop.Core.Merge;

namespace OneStop.Core.Changes;

/// <summary>
/// Two writes to the same field that did not see each other and disagree: <see cref="Winner"/> is the
/// one the field's rule prefers between the two, <see cref="Loser"/> the other. Both carry their value,
/// version (time and origin node) and the version they replaced.
/// </summary>
public sealed record FieldConflict(Guid RecordId, string Field, FieldChange Winner, FieldChange Loser)
{
    /// <summary>The same on every replica that finds this pair: use it as the conflict record's id.</summary>
    public Guid Id => ConflictIds.For(RecordId, Field, Winner, Loser);

    /// <summary>The conflict between two writes, sides assigned by the field's rule.</summary>
    public static FieldConflict Between(Guid recordId, FieldRule rule, FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return WriteOrder.Compare(rule, a, b) > 0
            ? new FieldConflict(recordId, a.Name, a, b)
            : new FieldConflict(recordId, a.Name, b, a);
    }
}
