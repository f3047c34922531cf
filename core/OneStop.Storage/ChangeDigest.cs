using OneStop.Core.Changes;

namespace OneStop.Storage;

/// <summary>
/// SHA-256 of an entry as its origin wrote it: the hub keeps it for every accepted entry and compares before
/// it calls a repeated (origin, incarnation, seq) a duplicate, so a different entry under a seq it holds (a
/// cloned card) is refused instead of dropped. Canonical: fields ordered by key, the hub's clamp flag left out.
/// </summary>
public static class ChangeDigest
{
    public static string Compute(ChangeEntry entry)
    {
        var canonical = entry with
        {
            Fields = [.. entry.Fields.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Version)],
            ClockClamped = false,
        };
        return Convert.ToHexStringLower(ChangeCodec.HashEntry(canonical));
    }
}
