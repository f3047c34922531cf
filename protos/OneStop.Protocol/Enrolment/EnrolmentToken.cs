using System.Security.Cryptography;
using System.Text;

namespace OneStop.Protocol.Enrolment;

/// <summary>
/// A one-time enrolment token as an admin hands it over: "SECRET.PIN". The secret (128 random bits, base32)
/// is what the hub stores hashed and redeems once; the pin names the hub's CA so the node knows it is talking
/// to its own hub before it sends the secret.
/// </summary>
public sealed record EnrolmentToken(string Secret, string Pin)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public override string ToString() => Secret + "." + Pin;

    /// <summary>A fresh token for the CA with <paramref name="pin"/>.</summary>
    public static EnrolmentToken Create(string pin)
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        var text = new StringBuilder(26);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return new EnrolmentToken(text.ToString(), pin);
    }

    /// <summary>Reads a token as typed or scanned (spaces and case forgiven); false when it has no pin or a malformed part.</summary>
    public static bool TryParse(string? text, out EnrolmentToken token)
    {
        token = new EnrolmentToken(string.Empty, string.Empty);
        var cleaned = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        var dot = cleaned.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var secret = cleaned[..dot].ToUpperInvariant();
        var pin = cleaned[(dot + 1)..].ToLowerInvariant();
        if (secret.Length != 26 || !secret.All(Alphabet.Contains) || pin.Length != 16 || !pin.All(Uri.IsHexDigit))
        {
            return false;
        }

        token = new EnrolmentToken(secret, pin);
        return true;
    }

    /// <summary>What the hub stores: the secret's SHA-256 (the secret is random, so no salt or stretching is needed).</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((secret ?? string.Empty).Trim().ToUpperInvariant())));
}
