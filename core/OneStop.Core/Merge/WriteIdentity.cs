using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Changes;

namespace OneStop.Core.Merge;

/// <summary>
/// What makes two field writes the same write: name, version, value, the version it replaced and what its
/// writer had seen. A
/// write that arrives twice is applied once; two writes that claim one version but disagree are both
/// kept, so no replica's arrival order decides which one survives.
/// </summary>
public static class WriteIdentity
{
    /// <summary>The value a write leaves: null for a deletion, whatever JSON it carried.</summary>
    public static string? ValueOf(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write.Deleted ? null : write.Json;
    }

    public static bool SameValue(FieldChange a, FieldChange b) =>
        a.Deleted == b.Deleted && string.Equals(ValueOf(a), ValueOf(b), StringComparison.Ordinal);

    public static bool SameWrite(FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Name, b.Name, StringComparison.Ordinal)
            && a.Version == b.Version
            && a.Replaced == b.Replaced
            && a.Seen.Equals(b.Seen)
            && SameValue(a, b);
    }

    /// <summary>Orders values: deletion first, then JSON text by ordinal; only breaks ties between equal versions.</summary>
    public static int CompareValues(FieldChange a, FieldChange b)
    {
        var byDeleted = b.Deleted.CompareTo(a.Deleted);
        return byDeleted != 0 ? byDeleted : string.CompareOrdinal(ValueOf(a), ValueOf(b));
    }

    /// <summary>A short, process-independent digest of everything but the name and version (value, replaced version, vector).</summary>
    public static string Digest(FieldChange write)
    {
        ArgumentNullException.ThrowIfNull(write);

        // Without a vector the text is what the previous build hashed, so records and conflict ids it made keep their names.
        var seen = write.Seen.IsEmpty ? string.Empty : $"\n{write.Seen}";
        var text = $"{(write.Deleted ? "D" : "S")}\n{write.Replaced}\n{ValueOf(write)}{seen}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
