using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Audit;

/// <summary>
/// The hash chain of an audit log: each entry's hash covers its content and the hash before it, so editing,
/// removing or reordering any entry breaks every later link and the verifier names the first one.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of a chain's first entry: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string Version = "onestop-audit-v1";

    /// <summary>
    /// The bytes that are hashed, UTF-8: a version line, then each field as its byte length, a colon, the value
    /// and a newline (a null detail is a lone <c>~</c>), then the previous hash. Length prefixes keep a newline
    /// inside a value from shifting one field into the next; any other tool can rebuild these bytes.
    /// </summary>
    public static byte[] CanonicalBytes(AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        text.Append(Version).Append('\n');
        Field(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.AtMs.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.Actor);
        Field(text, entry.Action);
        Field(text, entry.Subject);
        if (entry.Detail is null)
        {
            text.Append("~\n");
        }
        else
        {
            Field(text, entry.Detail);
        }

        Field(text, previousHash);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, 64 lower-case hex digits.</summary>
    public static string HashOf(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(entry, previousHash)));

    /// <summary>
    /// Chains the next entry after <paramref name="last"/> (null for the first): its sequence is the next one
    /// whatever the caller put there.
    /// </summary>
    public static ChainedAuditEntry Append(ChainedAuditEntry? last, long atMs, string actor, string action, string subject, string? detail)
    {
        var entry = new AuditEntry((last?.Entry.Sequence ?? 0) + 1, atMs, actor, action, subject, detail);
        var previous = last?.Hash ?? GenesisHash;
        return new ChainedAuditEntry(entry, previous, HashOf(entry, previous));
    }

    /// <summary>
    /// The first broken link of <paramref name="entries"/> (in sequence order), or null when the chain holds.
    /// A chain checked in parts passes the last hash and sequence it already trusts.
    /// </summary>
    public static AuditChainBreak? Verify(IEnumerable<ChainedAuditEntry> entries, string? trustedHash = null, long trustedSequence = 0)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previousHash = trustedHash ?? GenesisHash;
        var previousSequence = trustedSequence;
        foreach (var chained in entries)
        {
            var sequence = chained.Entry.Sequence;
            if (sequence != previousSequence + 1)
            {
                return new AuditChainBreak(sequence, AuditBreakReason.SequenceGap);
            }

            if (!string.Equals(chained.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditChainBreak(sequence, AuditBreakReason.PreviousHashMismatch);
            }

            if (!string.Equals(HashOf(chained.Entry, chained.PreviousHash), chained.Hash, StringComparison.Ordinal))
            {
                return new AuditChainBreak(sequence, AuditBreakReason.HashMismatch);
            }

            previousHash = chained.Hash;
            previousSequence = sequence;
        }

        return null;
    }

    private static void Field(StringBuilder text, string value) =>
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
