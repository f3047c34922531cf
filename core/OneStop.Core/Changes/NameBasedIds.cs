using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Changes;

/// <summary>
/// Record ids derived from a stable name (RFC 9562 version 8 layout over SHA-256): the same name gives
/// the same id on every machine, so two replicas that create "the same" reference record offline hold
/// one record, not two.
/// </summary>
public static class NameBasedIds
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
