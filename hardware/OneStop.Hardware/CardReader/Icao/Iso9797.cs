using System.Security.Cryptography;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>ISO/IEC 9797-1 padding method 2 and MAC algorithm 3 ("retail MAC") with DES, as ICAO 9303-11 §9.8 uses them.</summary>
public static class Iso9797
{
    public const int BlockSize = 8;

    /// <summary>Appends 0x80 and zeros up to a whole block; always adds at least one byte.</summary>
    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var padded = new byte[(data.Length / BlockSize + 1) * BlockSize];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    public static byte[] Unpad(ReadOnlySpan<byte> padded)
    {
        var end = padded.Length - 1;
        while (end >= 0 && padded[end] == 0x00)
        {
            end--;
        }

        if (end < 0 || padded[end] != 0x80 || padded.Length - end > BlockSize)
        {
            throw new CardException(CardFailure.ProtocolError, "secure-messaging data is not padded as ISO 9797-1 method 2 requires");
        }

        return padded[..end].ToArray();
    }

    /// <summary>
    /// Pads <paramref name="data"/>, runs single-DES CBC-MAC under K1 and applies output transformation 3
    /// (decrypt under K2, encrypt under K1) to the last block. <paramref name="key"/> is K1 ‖ K2 (16 bytes).
    /// </summary>
    public static byte[] RetailMac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("retail MAC keys are two DES keys (16 bytes)", nameof(key));
        }

        // Single DES because TripleDES refuses K1 ‖ K1 as a weak key; OpenSSL serves DES through .NET on Linux.
        using var first = DES.Create();
        first.Key = key[..8].ToArray();
        using var second = DES.Create();
        second.Key = key[8..].ToArray();

        var chained = first.EncryptCbc(Pad(data), new byte[BlockSize], PaddingMode.None);
        var last = chained.AsSpan(chained.Length - BlockSize);
        var transformed = second.DecryptEcb(last, PaddingMode.None);
        return first.EncryptEcb(transformed, PaddingMode.None);
    }
}
