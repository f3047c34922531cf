using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Privacy;

public sealed partial class PersonalDataCipher
{
    /// <summary>Bytes a sealed chunk takes beyond its content: nonce (12) and tag (16).</summary>
    public const int ChunkOverhead = 28;

    private const int ChunkNonceBytes = 12;

    /// <summary>
    /// Seals one stored chunk of attachment content (nonce | ciphertext | tag) with a fresh nonce. The blob's SHA-256
    /// name and the chunk's offset in it are the associated data, so a chunk copied to another offset or into another
    /// blob fails its tag instead of handing out the wrong bytes; the prefix keeps these apart from whole-content seals.
    /// </summary>
    public byte[] SealChunk(string sha256, long offset, ReadOnlyMemory<byte> content)
    {
        var sealedBytes = new byte[ChunkNonceBytes + content.Length + FieldEnvelope.TagBytes];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, ChunkNonceBytes));
        var associated = ChunkAssociatedData(sha256, offset);
        _fieldAes.Use(aes =>
        {
            aes.Encrypt(sealedBytes.AsSpan(0, ChunkNonceBytes), content.Span, sealedBytes.AsSpan(ChunkNonceBytes, content.Length), sealedBytes.AsSpan(ChunkNonceBytes + content.Length), associated);
            return true;
        });
        return sealedBytes;
    }

    /// <summary>The content of a chunk <see cref="SealChunk"/> made for this blob and offset; null when it fails its tag (altered, moved, or another key).</summary>
    public byte[]? OpenChunk(string sha256, long offset, byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length < ChunkOverhead)
        {
            return null;
        }

        var plain = new byte[stored.Length - ChunkOverhead];
        var associated = ChunkAssociatedData(sha256, offset);
        return _fieldAes.Use(aes =>
        {
            try
            {
                aes.Decrypt(stored.AsSpan(0, ChunkNonceBytes), stored.AsSpan(ChunkNonceBytes, plain.Length), stored.AsSpan(stored.Length - FieldEnvelope.TagBytes), plain, associated);
                return plain;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        });
    }

    private static byte[] ChunkAssociatedData(string sha256, long offset) =>
        Encoding.UTF8.GetBytes("onestop-chunk-v1\n" + sha256 + "\n" + offset.ToString(CultureInfo.InvariantCulture));
}
