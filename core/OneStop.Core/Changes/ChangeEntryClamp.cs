using OneStop.Core.Clock;

namespace OneStop.Core.Changes;

/// <summary>
/// The hub's plausibility check on a pushed entry, applied before the entry enters the global log so
/// that every replica sees the same (clamped) versions.
/// </summary>
public static class ChangeEntryClamp
{
    /// <summary>
    /// Pulls every version of <paramref name="entry"/> that is implausibly ahead of the hub back to the
    /// bound and sets <see cref="ChangeEntry.ClockClamped"/>; a plausible entry is returned unchanged.
    /// </summary>
    /// <param name="entry">The entry as pushed by its origin.</param>
    /// <param name="hubPhysicalMs">The hub's physical time when it received the entry.</param>
    /// <param name="maxAheadMs">How far ahead of the hub a timestamp may be (<see cref="ClockPolicy.DefaultMaxAheadMs"/>).</param>
    /// <param name="lastFromOrigin">
    /// The highest version from the entry's origin the hub already accepted. Clamped versions are placed
    /// just after it, so two entries of one bad clock never collapse onto the same version and keep their
    /// order. Without it, two entries clamped against the same hub time can share a version.
    /// </param>
    public static ChangeEntry Clamp(ChangeEntry entry, long hubPhysicalMs, long maxAheadMs, HlcTimestamp? lastFromOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var limit = ClockPolicy.AcceptedUntilMs(hubPhysicalMs, maxAheadMs);
        var ahead = entry.Fields.Select(field => field.Version).Where(version => version.WallMs > limit).Distinct().Order().ToList();
        if (ahead.Count == 0)
        {
            return entry;
        }

        var moved = new Dictionary<HlcTimestamp, HlcTimestamp>();
        var floor = lastFromOrigin;
        foreach (var version in ahead)
        {
            var bound = new HlcTimestamp(limit, 0, version.Node);
            var clamped = floor is { } last && last.WallMs >= limit
                ? ClockPolicy.Successor(last with { Node = version.Node })
                : bound;
            moved[version] = clamped;
            floor = clamped;
        }

        var fields = entry.Fields.Select(field => Reclock(field, moved, limit)).ToList();
        return entry with { Fields = fields, ClockClamped = true };
    }

    private static FieldChange Reclock(FieldChange field, Dictionary<HlcTimestamp, HlcTimestamp> moved, long limit)
    {
        if (!moved.TryGetValue(field.Version, out var version))
        {
            return field;
        }

        // A replaced version from the same bad clock is ahead too; the clamped write is taken to have seen
        // everything just below its new version, which keeps Replaced < Version (a write never precedes
        // what it replaced) at the price of possibly missing a conflict for this one bad entry.
        var replaced = field.Replaced.WallMs > limit || field.Replaced >= version
            ? new HlcTimestamp(version.WallMs, version.Counter, string.Empty)
            : field.Replaced;
        return field with { Version = version, Replaced = replaced };
    }
}
