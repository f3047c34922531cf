using OneStop.Core.Clock;
using OneStop.Core.Merge;

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
            // The origin's HLC puts every write after the ones its vector names, so a vector entry ahead
            // of the bound only comes with a version ahead of it.
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

        var fields = entry.Fields.Select(field => CapOwnEntry(Reclock(field, moved, limit), entry.OriginNode, limit, lastFromOrigin)).ToList();
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

    /// <summary>
    /// The origin's own entry in a write's vector names an earlier write of the origin, which the hub
    /// clamped when it came: ahead of the bound, it is the unclamped version and would cover the origin's
    /// later writes (clamped below it) that this write never saw. The hub accepted that earlier write at or
    /// below <paramref name="lastFromOrigin"/>, and the origin made no write of this field in between, so
    /// that is where the entry goes.
    /// </summary>
    private static FieldChange CapOwnEntry(FieldChange field, string origin, long limit, HlcTimestamp? lastFromOrigin)
    {
        if (field.Seen.EntryOf(origin) is not { } own || own.WallMs <= limit || lastFromOrigin is not { } last || own <= last)
        {
            return field;
        }

        var capped = last with { Node = own.Node };
        return field with { Seen = VersionVector.Of(field.Seen.Entries.Where(entry => entry != own).Append(capped)) };
    }
}
