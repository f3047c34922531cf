using OneStop.Core.Repair;
using WireDifference = OneStop.Protocol.V1.DigestDifference;
using WireLeaf = OneStop.Protocol.V1.DigestLeaf;
using WireRange = OneStop.Protocol.V1.DigestRange;

namespace OneStop.Protocol.Mapping;

/// <summary>Anti-entropy messages between the wire and <see cref="Core.Repair"/>.</summary>
public static class DigestMapper
{
    public static WireRange ToWire(Core.Repair.DigestRange range) =>
        new() { Prefix = range.Prefix, Depth = (uint)range.Depth, Count = (uint)range.Count, Hash = range.Hash };

    /// <summary>A range as sent; depth and count are bounded so a malformed one cannot overflow the tree's arithmetic.</summary>
    public static Core.Repair.DigestRange ToDomain(WireRange? range) => range is null
        ? Core.Repair.DigestRange.Root
        : new(range.Prefix, (int)Math.Min(range.Depth, Core.Repair.DigestRange.MaxDepth), (int)Math.Min(range.Count, int.MaxValue), range.Hash);

    public static WireDifference ToWire(Core.Repair.DigestDifference difference)
    {
        var wire = new WireDifference { Range = ToWire(difference.Range), Listed = difference.Leaves is not null };
        wire.Children.AddRange(difference.Children.Select(ToWire));
        if (difference.Leaves is { } leaves)
        {
            wire.Leaves.AddRange(leaves.Select(leaf => new WireLeaf { RecordId = IdToWire(leaf.Id), Hash = leaf.Hash }));
        }

        return wire;
    }

    public static Core.Repair.DigestDifference ToDomain(WireDifference wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        IReadOnlyList<Core.Repair.DigestLeaf>? leaves = wire.Listed
            ? [.. wire.Leaves.Select(leaf => IdToDomain(leaf.RecordId) is { } id ? new Core.Repair.DigestLeaf(id, RecordDigest.Position(id), leaf.Hash) : default)
                .Where(leaf => leaf.Id != Guid.Empty)]
            : null;
        return new Core.Repair.DigestDifference(ToDomain(wire.Range), [.. wire.Children.Select(ToDomain)], leaves);
    }

    public static Google.Protobuf.ByteString IdToWire(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Google.Protobuf.ByteString.CopyFrom(bytes);
    }

    /// <summary>Null unless exactly 16 bytes.</summary>
    public static Guid? IdToDomain(Google.Protobuf.ByteString bytes) =>
        bytes is { Length: 16 } ? new Guid(bytes.Span, bigEndian: true) : null;
}
