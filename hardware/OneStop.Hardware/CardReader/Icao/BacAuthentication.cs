using System.Buffers.Binary;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>The cryptography of BAC mutual authentication (ICAO 9303-11 §4.3.3 and §9.7.4), shared by reader and simulated chip.</summary>
public static class BacAuthentication
{
    public const int NonceLength = 8;
    public const int KeyShareLength = 16;
    public const int CryptogramLength = 40;

    /// <summary>EXTERNAL AUTHENTICATE data: E = 3DES(K_ENC, RND.IFD ‖ RND.IC ‖ K.IFD), then M = MAC(K_MAC, E).</summary>
    public static byte[] TerminalCryptogram(BacKeys keys, BacChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(challenge);
        byte[] plain = [.. challenge.TerminalNonce.Span, .. challenge.ChipNonce.Span, .. challenge.TerminalKey.Span];
        return Seal(keys, plain);
    }

    /// <summary>
    /// Checks the chip's answer (its MAC, and that it echoes both nonces) and derives the session:
    /// K_seed = K.IFD ⊕ K.IC, KS_ENC/KS_MAC from it, SSC = last four bytes of RND.IC ‖ last four of RND.IFD.
    /// </summary>
    public static SecureMessaging CompleteTerminal(BacKeys keys, BacChallenge challenge, ReadOnlySpan<byte> chipCryptogram)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(challenge);
        var plain = Open(keys, chipCryptogram)
            ?? throw new CardException(CardFailure.ProtocolError, "the card's authentication answer failed its MAC check");
        if (!plain.AsSpan(0, NonceLength).SequenceEqual(challenge.ChipNonce.Span) || !plain.AsSpan(NonceLength, NonceLength).SequenceEqual(challenge.TerminalNonce.Span))
        {
            throw new CardException(CardFailure.ProtocolError, "the card's authentication answer does not echo this session's challenge");
        }

        return SessionFor(challenge.TerminalKey.Span, plain.AsSpan(2 * NonceLength, KeyShareLength), challenge.ChipNonce.Span, challenge.TerminalNonce.Span);
    }

    /// <summary>3DES-CBC encryption followed by the retail MAC of the ciphertext.</summary>
    public static byte[] Seal(BacKeys keys, ReadOnlySpan<byte> plain)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var encrypted = TripleDesCbc.Encrypt(keys.Encryption.Span, plain);
        return [.. encrypted, .. Iso9797.RetailMac(keys.Mac.Span, encrypted)];
    }

    /// <summary>Inverse of <see cref="Seal"/>; null when the length or the MAC is wrong (a wrong MRZ key ends here).</summary>
    public static byte[]? Open(BacKeys keys, ReadOnlySpan<byte> cryptogram)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (cryptogram.Length != CryptogramLength)
        {
            return null;
        }

        var encrypted = cryptogram[..32];
        var mac = Iso9797.RetailMac(keys.Mac.Span, encrypted);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(mac, cryptogram[32..])
            ? TripleDesCbc.Decrypt(keys.Encryption.Span, encrypted)
            : null;
    }

    public static SecureMessaging SessionFor(ReadOnlySpan<byte> terminalKey, ReadOnlySpan<byte> chipKey, ReadOnlySpan<byte> chipNonce, ReadOnlySpan<byte> terminalNonce)
    {
        var seed = new byte[KeyShareLength];
        for (var i = 0; i < seed.Length; i++)
        {
            seed[i] = (byte)(terminalKey[i] ^ chipKey[i]);
        }

        var counter = ((ulong)BinaryPrimitives.ReadUInt32BigEndian(chipNonce[4..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(terminalNonce[4..]);
        return new SecureMessaging(BacKeyDerivation.DeriveKey(seed, 1), BacKeyDerivation.DeriveKey(seed, 2), counter);
    }
}
