using System.Buffers;
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

        // The hub seals every personal value of every push: the plaintext, the sealed bytes and the associated data
        // go through one rented buffer and the stack instead of three arrays and two strings per value.
        var plainLength = Encoding.UTF8.GetByteCount(json);
        var sealedLength = NonceBytes + plainLength + TagBytes;
        var rented = ArrayPool<byte>.Shared.Rent(sealedLength + plainLength);
        try
        {
            var sealedBytes = rented.AsSpan(0, sealedLength);
            var plain = rented.AsSpan(sealedLength, plainLength);
            Encoding.UTF8.GetBytes(json, plain);
            var nonce = sealedBytes[..NonceBytes];
            NextNonce(nonce);
            var adLength = AssociatedDataLength(field);
            byte[]? adRented = null;
            var ad = adLength <= StackBytes ? stackalloc byte[StackBytes] : (adRented = ArrayPool<byte>.Shared.Rent(adLength));
            WriteAssociatedData(recordId, field, ad);
            aes.Encrypt(nonce, plain, sealedBytes.Slice(NonceBytes, plainLength), sealedBytes[(NonceBytes + plainLength)..], ad[..adLength]);
            if (adRented is not null)
            {
                ArrayPool<byte>.Shared.Return(adRented);
            }

            return string.Create(Prefix.Length + Base64Length(sealedLength), (rented, sealedLength), static (chars, state) =>
            {
                Prefix.CopyTo(chars);
                Convert.TryToBase64Chars(state.rented.AsSpan(0, state.sealedLength), chars[Prefix.Length..], out _);
            });
        }
        finally
        {
            // The plaintext was a resident's data: it does not stay behind in a shared pool.
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, sealedLength + plainLength));
            ArrayPool<byte>.Shared.Return(rented);
        }
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

    // Associated data up to this size is written on the stack (a record id and any field name of ordinary length).
    private const int StackBytes = 256;

    // "D" form of a Guid, then a newline: the bytes AssociatedData gives before the field name.
    private const int GuidTextBytes = 36 + 1;

    private static int AssociatedDataLength(string field) => GuidTextBytes + Encoding.UTF8.GetByteCount(field);

    private static void WriteAssociatedData(Guid recordId, string field, Span<byte> destination)
    {
        recordId.TryFormat(destination, out var written, "D");
        destination[written] = (byte)'\n';
        Encoding.UTF8.GetBytes(field, destination[GuidTextBytes..]);
    }

    // Nonces drawn from the system's generator a few hundred at a time per thread: one call per value was over a
    // quarter of the hub's samples while it sealed pushes. Each slice is used once and cleared as it is taken.
    private const int NoncesPerDraw = 256;

    [ThreadStatic]
    private static byte[]? t_nonces;

    [ThreadStatic]
    private static int t_nonceOffset;

    private static void NextNonce(Span<byte> nonce)
    {
        var pool = t_nonces ??= new byte[NonceBytes * NoncesPerDraw];
        if (t_nonceOffset == 0)
        {
            RandomNumberGenerator.Fill(pool);
        }

        var slice = pool.AsSpan(t_nonceOffset, NonceBytes);
        slice.CopyTo(nonce);
        slice.Clear();
        t_nonceOffset = (t_nonceOffset + NonceBytes) % pool.Length;
    }

    private static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;
}
