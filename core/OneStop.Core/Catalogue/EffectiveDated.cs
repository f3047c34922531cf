namespace OneStop.Core.Catalogue;

/// <summary>
/// The one rule for versioned reference data (fee tables, and anything else the province publishes ahead of time):
/// the version in force at a legal moment is the one with the latest effective date on or before that moment's
/// local date. The hub's preview and every node call this with the same inputs, so a node offline for weeks picks
/// each version from its own date, not from when the version reached it.
/// </summary>
public static class EffectiveDated
{
    /// <summary>
    /// The version in force on <paramref name="legalDate"/>, or null when every version starts later (the caller
    /// falls back to its base value). Of two versions with the same date, the one later in the list wins: a
    /// correction published after the first announcement.
    /// </summary>
    public static T? InForce<T>(IEnumerable<T> versions, Func<T, DateOnly> effectiveFrom, DateOnly legalDate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(effectiveFrom);
        T? best = null;
        var bestFrom = DateOnly.MinValue;
        foreach (var version in versions)
        {
            var from = effectiveFrom(version);
            if (from <= legalDate && (best is null || from >= bestFrom))
            {
                best = version;
                bestFrom = from;
            }
        }

        return best;
    }
}
