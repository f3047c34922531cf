using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Hardware.CardReader;

/// <summary>ICAO Doc 9303 part 11 §4.3.2 / part 3 §4.9: BAC keys from the MRZ's document number, birth and expiry dates.</summary>
public static class BacKeyDerivation
{
    /// <summary>ICAO check digit: weights 7-3-1, digits as themselves, A-Z = 10-35, '&lt;' = 0.</summary>
    public static int CheckDigit(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new ArgumentException($"'{c}' is not an MRZ character", nameof(field)),
            };
            sum += value * weights[i % 3];
        }

        return sum % 10;
    }

    /// <summary>Document number padded to 9 with '&lt;', each field followed by its check digit.</summary>
    public static string MrzInformation(BacKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var number = key.DocumentNumber.ToUpperInvariant().PadRight(9, '<');
        return $"{number}{CheckDigit(number)}{key.DateOfBirth}{CheckDigit(key.DateOfBirth)}{key.DateOfExpiry}{CheckDigit(key.DateOfExpiry)}";
    }

    public static byte[] KeySeed(BacKey key) => SHA1.HashData(Encoding.ASCII.GetBytes(MrzInformation(key)))[..16];

    /// <summary>Counter 1 = K_ENC, 2 = K_MAC (also used for secure-messaging session keys).</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> seed, uint counter)
    {
        var input = new byte[seed.Length + 4];
        seed.CopyTo(input);
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length), counter);
        var key = SHA1.HashData(input)[..16];
        AdjustParity(key);
        return key;
    }

    /// <summary>DES keys carry odd parity in each byte's low bit; .NET accepts either, but the ICAO vectors include it.</summary>
    public static void AdjustParity(Span<byte> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var high = key[i] & 0xFE;
            key[i] = (byte)(high | (System.Numerics.BitOperations.PopCount((uint)high) % 2 == 0 ? 1 : 0));
        }
    }
}
