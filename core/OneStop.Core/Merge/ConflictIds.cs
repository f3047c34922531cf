using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Changes;

namespace OneStop.Core.Merge;

/// <summary>
/// A conflict's id, the same on every replica that finds it: a hash of the record, the field and both
/// writes taken in a fixed order, so conflict records made independently by hub and nodes dedupe.
/// </summary>
public static class ConflictIds
{
    public static Guid For(Guid recordId, string field, FieldChange a, FieldChange b)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (first, second) = Canonical(a, b);
        var text = $"onestop-conflict\n{recordId:D}\n{field}\n{first.Version}\n{WriteIdentity.Digest(first)}\n{second.Version}\n{WriteIdentity.Digest(second)}";
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16).CopyTo(bytes);

        // Mark it as an RFC 9562 version 8 (custom) UUID so nobody mistakes it for a UUIDv7 record id.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static (FieldChange First, FieldChange Second) Canonical(FieldChange a, FieldChange b)
    {
        var order = WriteOrder.Compare(FieldRule.LastWriterWins, a, b);
        return order <= 0 ? (a, b) : (b, a);
    }
}
