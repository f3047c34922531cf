namespace OneStop.Hardware.CardReader.Icao;

/// <summary>The document basic access keys K_ENC and K_MAC (ICAO 9303-11 §4.3.2), derived from the MRZ.</summary>
public sealed record BacKeys(ReadOnlyMemory<byte> Encryption, ReadOnlyMemory<byte> Mac)
{
    public static BacKeys FromMrz(BacKey key)
    {
        var seed = BacKeyDerivation.KeySeed(key);
        return new BacKeys(BacKeyDerivation.DeriveKey(seed, 1), BacKeyDerivation.DeriveKey(seed, 2));
    }
}
