using System.Security.Cryptography;

namespace OneStop.Core.Dossiers;

/// <summary>
/// The code on the slip that a resident types at the public site: 12 random symbols of Crockford's base32 (no I, L, O
/// or U), printed in groups of four ("7KQ2-M9XD-4TRB"). It is drawn once, where the dossier is made, and stored in the
/// dossier, so it owes nothing to the id's timestamp: two dossiers made in the same millisecond do not share it, and
/// one code says nothing about the next. 60 random bits; docs/statistics.md works out why guessing is impractical
/// under <see cref="Limits.PublicSiteLimits"/>.
/// </summary>
public static class PublicCode
{
    /// <summary>The dossier field that holds the code (a JSON string, without the dashes).</summary>
    public const string Field = "public_code";

    /// <summary>Symbols in a code: 12, five random bits each.</summary>
    public const int Length = 12;

    /// <summary>Random bits in a code: 60.</summary>
    public const int Bits = Length * 5;

    /// <summary>Crockford's base32: digits and letters without I, L, O and U, which people misread or mistype.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code from the system's cryptographic random source.</summary>
    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>Attempts at a fresh code before giving up: 8 (with 2^60 codes, a second draw is already a rarity).</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// A code no dossier of this store holds yet: draws (<paramref name="draw"/>, else <see cref="New()"/>) until
    /// <paramref name="taken"/> says the code is free. Uniqueness across stores rests on the 60 bits; the hub's lookup
    /// deals with the rare code two communes drew alike.
    /// </summary>
    public static async Task<string> NewUniqueAsync(Func<string, CancellationToken, Task<bool>> taken, Func<string>? draw = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var code = (draw ?? New)();
            if (!await taken(code, cancellationToken))
            {
                return code;
            }
        }

        throw new InvalidOperationException($"No free public code after {MaxAttempts} draws: the random source is broken.");
    }

    /// <summary>
    /// A code as people type it: any case, with or without dashes and spaces, I and L read as 1 and O as 0 (Crockford's
    /// decoding). False for anything else, so a malformed code is refused before any lookup.
    /// </summary>
    public static bool TryNormalise(string? typed, out string code)
    {
        code = string.Empty;
        if (typed is null || typed.Length > Length * 2)
        {
            return false;
        }

        var symbols = new char[Length];
        var count = 0;
        foreach (var raw in typed)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (count == Length || !Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }

            symbols[count++] = c;
        }

        if (count != Length)
        {
            return false;
        }

        code = new string(symbols);
        return true;
    }

    /// <summary>A stored code in groups of four for reading aloud and typing: "7KQ2-M9XD-4TRB".</summary>
    public static string Grouped(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
