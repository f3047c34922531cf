using System.Text.RegularExpressions;

namespace OneStop.Core.Identity;

/// <summary>
/// Hides CCCD numbers from people who need not read them (volunteers): the first four digits (birth province and
/// century-sex digit) and the last two stay, enough to tell two cards apart at the desk, not to use one.
/// </summary>
public static partial class CccdMask
{
    /// <summary>Digits in a CCCD number: 12.</summary>
    public const int Digits = 12;

    /// <summary>"001095012345" → "0010******45".</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == Digits ? number[..4] + new string('*', Digits - 6) + number[^2..] : number;
    }

    /// <summary>Every run of exactly twelve digits in <paramref name="text"/> masked (a CCCD typed into any answer, or a QR payload).</summary>
    public static string MaskAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TwelveDigits().Replace(text, match => Mask(match.Value));
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex TwelveDigits();
}
