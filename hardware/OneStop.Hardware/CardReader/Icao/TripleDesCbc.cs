using System.Security.Cryptography;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>Two-key 3DES in CBC mode with a zero IV and no padding (ICAO 9303-11 §9.8.6.1): callers pad where the protocol says so.</summary>
public static class TripleDesCbc
{
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var cipher = Create(key);
        return cipher.EncryptCbc(data, new byte[Iso9797.BlockSize], PaddingMode.None);
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        if (data.Length % Iso9797.BlockSize != 0)
        {
            throw new CardException(CardFailure.ProtocolError, "encrypted data is not a whole number of 3DES blocks");
        }

        using var cipher = Create(key);
        return cipher.DecryptCbc(data, new byte[Iso9797.BlockSize], PaddingMode.None);
    }

    private static TripleDES Create(ReadOnlySpan<byte> key)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("BAC uses two-key 3DES (16 bytes)", nameof(key));
        }

        // OpenSSL 3 rejects 16-byte keys in CBC mode here; K1 ‖ K2 ‖ K1 is the same two-key cipher.
        var cipher = TripleDES.Create();
        cipher.Key = [.. key, .. key[..8]];
        return cipher;
    }
}
