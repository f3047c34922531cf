using System.Globalization;
using System.Text;

namespace OneStop.Core.Text;

/// <summary>
/// Folds Vietnamese text so that what a resident types on any keyboard (with or without tones, any case,
/// precomposed or combining marks) compares equal to the catalogue's spelling.
/// </summary>
public static class VietnameseFolding
{
    /// <summary>Removes diacritics (đ/Đ become d), lower-cases and collapses whitespace: "  Đăng  KÝ " → "dang ky".</summary>
    public static string Fold(string? text) => Normalise(text, lowerCase: true, asciiOnly: false);

    /// <summary>
    /// Removes diacritics but keeps case, and replaces anything still outside printable ASCII with '?',
    /// because an HD44780 character ROM has no Vietnamese glyphs: "Nguyễn Đức" → "Nguyen Duc".
    /// </summary>
    public static string ToAscii(string? text) => Normalise(text, lowerCase: false, asciiOnly: true);

    /// <summary>The folded words of <paramref name="text"/>; punctuation separates words so "Hộ tịch/hotich.khaisinh" gives four.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static string Normalise(string? text, bool lowerCase, bool asciiOnly)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // NFD splits "ệ" into e + circumflex + dot below, so dropping the marks leaves the base letter
        // whatever form the input came in.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(raw) || char.IsControl(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var c = MapStrokedD(raw);
            if (lowerCase)
            {
                c = char.ToLowerInvariant(c);
            }

            if (asciiOnly && (c < ' ' || c > '~'))
            {
                c = '?';
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Đ has no decomposition in Unicode (the stroke is part of the letter), so it must be mapped by hand.
    // U+00D0 (Icelandic eth) is a common mistype for Đ on foreign keyboards and in old fonts.
    private static char MapStrokedD(char c) => c switch
    {
        'đ' => 'd',
        'Đ' or 'Ð' => 'D',
        _ => c,
    };
}
