using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Changes;
using OneStop.Core.Merge;

namespace OneStop.Core.Repair;

/// <summary>
/// What anti-entropy compares of one record: where it sits in the id space and a hash of every write it
/// holds. Two replicas that hold the same writes of a record get the same hash, whatever order the writes
/// arrived in, because the merge keeps a record as the set of its writes (<see cref="FieldHistory"/>).
/// </summary>
public static class RecordDigest
{
    /// <summary>
    /// The record's place in the digest tree: the first 8 bytes of SHA-256 of its id. Ids are UUIDv7, whose
    /// leading bits are a timestamp; hashing spreads a commune's records evenly over the ranges.
    /// </summary>
    public static ulong Position(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>A 64-bit hash of the record's id and every write it holds (name, version and <see cref="WriteIdentity.Digest"/>).</summary>
    public static ulong Hash(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder(record.Id.ToString());
        foreach (var (field, writes) in FieldHistory.AllWrites(record))
        {
            foreach (var write in writes.OrderBy(w => w.Version).ThenBy(WriteIdentity.Digest, StringComparer.Ordinal))
            {
                text.Append('\n').Append(field).Append('\t').Append(write.Version.ToString()).Append('\t').Append(WriteIdentity.Digest(write));
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    public static DigestLeaf Leaf(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DigestLeaf(record.Id, Position(record.Id), Hash(record));
    }
}
