using System.Text;

namespace OneStop.Core.Slips;

/// <summary>
/// The signed text in a result's QR code, made and checked exactly as a slip's (<see cref="SlipSeal"/>: same key,
/// same signature, same verify page) with its own format tag, so a slip can never pass for a result. The canonical
/// claim is UTF-8 lines "OSR1", dossier id (32 hex digits), commune code, node id, SHA-256 of the document (hex).
/// </summary>
public static class ResultSeal
{
    /// <summary>First line of the canonical claim.</summary>
    public const string FormatTag = "OSR1";

    /// <summary>The exact bytes a node signs for <paramref name="claim"/>.</summary>
    public static byte[] CanonicalBytes(ResultClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!SlipSeal.IsCommune(claim.CommuneCode))
        {
            throw new ArgumentException("A commune code is five digits.", nameof(claim));
        }

        if (string.IsNullOrEmpty(claim.NodeId) || claim.NodeId.Any(char.IsControl))
        {
            throw new ArgumentException("A node id is non-empty text on one line.", nameof(claim));
        }

        if (!IsSha256Hex(claim.DocumentSha256))
        {
            throw new ArgumentException("A document hash is 64 lower-case hex digits.", nameof(claim));
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', FormatTag, claim.DossierId.ToString("N"), claim.CommuneCode, claim.NodeId, claim.DocumentSha256));
    }

    /// <summary>The QR text for a claim and the node's signature over <see cref="CanonicalBytes"/>.</summary>
    public static string Encode(ResultClaim claim, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return SlipSeal.Join(CanonicalBytes(claim), signature);
    }

    /// <summary>Decodes sealed text into its claim and signature; false for anything not in the one accepted spelling.</summary>
    public static bool TryDecode(string? sealedText, out ResultClaim? claim, out byte[] signature)
    {
        claim = null;
        if (!SlipSeal.TrySplit(sealedText, out var lines, out var canonical, out signature)
            || lines.Length != 5 || lines[0] != FormatTag
            || !Guid.TryParseExact(lines[1], "N", out var dossierId)
            || !SlipSeal.IsCommune(lines[2]) || lines[3].Length == 0 || lines[3].Any(char.IsControl)
            || !IsSha256Hex(lines[4]))
        {
            return false;
        }

        var decoded = new ResultClaim(dossierId, lines[2], lines[3], lines[4]);
        if (!CanonicalBytes(decoded).AsSpan().SequenceEqual(canonical) || Encode(decoded, signature) != sealedText)
        {
            return false;
        }

        claim = decoded;
        return true;
    }

    /// <summary>Checks sealed text against a node's public key (DER SubjectPublicKeyInfo), offline.</summary>
    public static SlipCheck Verify(string? sealedText, ReadOnlySpan<byte> publicKeySpki, out ResultClaim? claim)
    {
        if (!TryDecode(sealedText, out claim, out var signature))
        {
            return SlipCheck.Malformed;
        }

        return SlipSeal.SignatureMatches(CanonicalBytes(claim!), signature, publicKeySpki) ? SlipCheck.Valid : SlipCheck.BadSignature;
    }

    /// <summary>Whether sealed text is a result's (its tag), without checking anything else: the verify page picks the reader by it.</summary>
    public static bool IsResult(string? sealedText) =>
        SlipSeal.TrySplit(sealedText, out var lines, out _, out _) && lines.Length > 0 && lines[0] == FormatTag;

    private static bool IsSha256Hex(string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
