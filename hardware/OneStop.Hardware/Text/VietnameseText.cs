using System.Globalization;
using System.Text;

namespace OneStop.Hardware.Text;

/// <summary>Diacritic handling for devices whose character ROM is ASCII only (HD44780, plain ESC/POS fonts).</summary>
public static class VietnameseText
{
    /// <summary>"Nguyễn Văn Đức" → "Nguyen Van Duc"; anything still outside printable ASCII becomes '?'.</summary>
    public static string FoldToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                >= ' ' and <= '~' => c,
                _ => '?',
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits each letter into base (keeping circumflex, breve and horn precomposed: Â Ê Ô Ơ Ư Ă) plus a separate
    /// tone mark, the shape Windows-1258 expects: it has the toneless vowels and five combining tone marks.
    /// </summary>
    public static string ToCp1258Form(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var element in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            builder.Append(element.ToString());
        }

        var decomposed = builder.ToString();
        builder.Clear();
        var pendingTone = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (IsToneMark(c))
            {
                pendingTone.Append(c);
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
                continue;
            }

            FlushTone(builder, pendingTone);
            builder.Append(c);
        }

        FlushTone(builder, pendingTone);
        return ComposeWithoutTones(builder.ToString());
    }

    private static void FlushTone(StringBuilder builder, StringBuilder pendingTone)
    {
        builder.Append(pendingTone);
        pendingTone.Clear();
    }

    // Grave, acute, tilde, hook above, dot below: the five Vietnamese tones.
    private static bool IsToneMark(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static string ComposeWithoutTones(string baseThenTones)
    {
        var builder = new StringBuilder(baseThenTones.Length);
        var segment = new StringBuilder();
        foreach (var c in baseThenTones)
        {
            if (IsToneMark(c))
            {
                builder.Append(segment.ToString().Normalize(NormalizationForm.FormC));
                segment.Clear();
                builder.Append(c);
            }
            else
            {
                segment.Append(c);
            }
        }

        builder.Append(segment.ToString().Normalize(NormalizationForm.FormC));
        return builder.ToString();
    }
}
