using System.Security.Cryptography;
using System.Text;

namespace OneStop.Core.Privacy;

/// <summary>
/// The sealed form of one field value: "enc:v1:" and base64 of nonce (12 bytes) | ciphertext | tag (16 bytes), AES-256-GCM.
/// The associated data is the record id and the field name, so a sealed value copied into another record or another
/// field fails its tag instead of showing one resident's data as another's. The plaintext is the value's JSON text.
/// </summary>
public static class FieldEnvelope
{
    public const string Prefix = "enc:v1:";
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    internal const int TagBytes = 16;

    /// <summary>Whether <paramref name="text"/> has the envelope's form (it may still fail to open).</summary>
    public static bool IsSealed(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Seals <paramref name="json"/> (a field's JSON value) under <paramref name="key"/> with a fresh random nonce.</summary>
    public static string Seal(ReadOnlySpan<byte> key, Guid recordId, string field, string json)
    {
        using var aes = new AesGcm(key, TagBytes);
        return Seal(aes, recordId, field, json);
    }

    /// <summary>As above with an instance already keyed (<see cref="AesGcmPool"/>): the key is not set up again per value.</summary>
    internal static string Seal(AesGcm aes, Guid recordId, string field, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var plain = Encoding.UTF8.GetBytes(json);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), AssociatedData(recordId, field));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The JSON value sealed in <paramref name="envelope"/>, or false when it is not an envelope or fails its tag.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> key, Guid recordId, string field, string envelope, out string json)
    {
        using var aes = new AesGcm(key, TagBytes);
        return TryOpen(aes, recordId, field, envelope, out json);
    }

    /// <summary>As above with an instance already keyed (<see cref="AesGcmPool"/>).</summary>
    internal static bool TryOpen(AesGcm aes, Guid recordId, string field, string envelope, out string json)
    {
        json = string.Empty;
        if (!IsSealed(envelope))
        {
            return false;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(envelope[Prefix.Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return false;
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, AssociatedData(recordId, field));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        json = Encoding.UTF8.GetString(plain);
        return true;
    }

    private static byte[] AssociatedData(Guid recordId, string field) =>
        Encoding.UTF8.GetBytes($"{recordId:D}\n{field}");
}
