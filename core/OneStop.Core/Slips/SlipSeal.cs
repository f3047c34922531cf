using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Slips;

/// <summary>
/// The signed text in a slip's QR code: <c>base64url(canonical claim) "." base64url(signature)</c>. The canonical
/// claim is UTF-8 lines "OSS1", dossier id (32 hex digits), commune code, due date (yyyyMMdd), node id; the signature
/// is ECDSA P-256 over SHA-256 in the fixed 64-byte r‖s form. A verifier re-encodes what it decoded and refuses any
/// difference, so one claim has exactly one accepted spelling. Signing needs the node's private key, which lives
/// with the node; this type only shapes and checks bytes.
/// </summary>
public static class SlipSeal
{
    /// <summary>First line of the canonical claim; a new layout gets a new tag rather than a reinterpretation.</summary>
    public const string FormatTag = "OSS1";

    /// <summary>Query parameter that carries the sealed text in the status URL the QR code opens.</summary>
    public const string QueryName = "slip";

    private const int SignatureLength = 64;
    private const char Separator = '.';

    /// <summary>The exact bytes a node signs for <paramref name="claim"/>.</summary>
    public static byte[] CanonicalBytes(SlipClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!IsCommuneCode(claim.CommuneCode))
        {
            throw new ArgumentException("A commune code is five digits.", nameof(claim));
        }

        if (string.IsNullOrEmpty(claim.NodeId) || claim.NodeId.Any(char.IsControl))
        {
            throw new ArgumentException("A node id is non-empty text on one line.", nameof(claim));
        }

        var text = string.Join('\n', FormatTag, claim.DossierId.ToString("N"), claim.CommuneCode, claim.DueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), claim.NodeId);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The QR text for a claim and the node's signature over <see cref="CanonicalBytes"/>.</summary>
    public static string Encode(SlipClaim claim, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Join(CanonicalBytes(claim), signature);
    }

    /// <summary>
    /// The sealed part of what a scanner or a person pasted: the whole status URL (its <c>slip</c> parameter) or the
    /// sealed text alone, surrounding spaces ignored.
    /// </summary>
    public static string ExtractSealed(string? scanned)
    {
        var text = (scanned ?? string.Empty).Trim();
        var marker = QueryName + "=";
        var at = text.IndexOf('?', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        foreach (var pair in text[(at + 1)..].Split('&'))
        {
            if (pair.StartsWith(marker, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[marker.Length..]);
            }
        }

        return text;
    }

    /// <summary>Decodes sealed text into its claim and signature; false for anything not in the one accepted spelling.</summary>
    public static bool TryDecode(string? sealedText, out SlipClaim? claim, out byte[] signature)
    {
        claim = null;
        if (!TrySplit(sealedText, out var lines, out var canonical, out signature)
            || lines.Length != 5 || lines[0] != FormatTag
            || !Guid.TryParseExact(lines[1], "N", out var dossierId)
            || !DateOnly.TryParseExact(lines[3], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            || !IsCommuneCode(lines[2]) || lines[4].Length == 0 || lines[4].Any(char.IsControl))
        {
            signature = [];
            return false;
        }

        var decoded = new SlipClaim(dossierId, lines[2], due, lines[4]);
        // Upper-case hex or padding would decode to the same claim: only the canonical spelling is accepted.
        if (!CanonicalBytes(decoded).AsSpan().SequenceEqual(canonical) || Encode(decoded, signature) != sealedText)
        {
            signature = [];
            return false;
        }

        claim = decoded;
        return true;
    }

    /// <summary>Checks sealed text against a node's public key (DER SubjectPublicKeyInfo), offline.</summary>
    public static SlipCheck Verify(string? sealedText, ReadOnlySpan<byte> publicKeySpki, out SlipClaim? claim)
    {
        if (!TryDecode(sealedText, out claim, out var signature))
        {
            return SlipCheck.Malformed;
        }

        return SignatureMatches(CanonicalBytes(claim!), signature, publicKeySpki) ? SlipCheck.Valid : SlipCheck.BadSignature;
    }

    /// <summary>
    /// The parts every sealed text shares, slip or result: the canonical lines (UTF-8, first line the format tag)
    /// and the 64-byte signature. False for anything not two base64url parts of valid UTF-8.
    /// </summary>
    internal static bool TrySplit(string? sealedText, out string[] lines, out byte[] canonical, out byte[] signature)
    {
        lines = [];
        canonical = [];
        signature = [];
        var parts = (sealedText ?? string.Empty).Split(Separator);
        if (parts.Length != 2 || !TryFromBase64Url(parts[0], out canonical) || !TryFromBase64Url(parts[1], out signature) || signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            lines = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(canonical).Split('\n');
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The sealed text for canonical bytes and their signature, in the one accepted spelling.</summary>
    internal static string Join(byte[] canonical, byte[] signature)
    {
        if (signature.Length != SignatureLength)
        {
            throw new ArgumentException($"An ECDSA P-256 signature in r‖s form is {SignatureLength} bytes.", nameof(signature));
        }

        return Base64Url.EncodeToString(canonical) + Separator + Base64Url.EncodeToString(signature);
    }

    /// <summary>The one signature check of every sealed text: ECDSA P-256 over SHA-256, r‖s form.</summary>
    internal static bool SignatureMatches(byte[] canonical, byte[] signature, ReadOnlySpan<byte> publicKeySpki)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKeySpki, out _);
        return key.VerifyData(canonical, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    internal static bool IsCommune(string? code) => IsCommuneCode(code);

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static bool IsCommuneCode(string? code) => code is { Length: 5 } && code.All(char.IsAsciiDigit);
}
