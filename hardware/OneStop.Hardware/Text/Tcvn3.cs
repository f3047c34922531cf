using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OneStop.Hardware.Text;

/// <summary>
/// TCVN 5712:1993 table VN3 ("TCVN3", the "ABC" fonts .VnTime etc.): ASCII unchanged, plus at 0xA0-0xFE the
/// no-break space, 67 lowercase letters (every toned vowel, ă â ê ô ơ ư đ) and only 7 capitals: Ă Â Ê Ô Ơ Ư Đ.
/// The 60 capitals with a tone (Á, Ầ, Ữ ...) are not in VN3; ABC users switched to an all-capitals font for them.
/// </summary>
/// <remarks>
/// Table written here from TCVN 5712:1993 (Decision 213/QĐ, 12 May 1993; text at
/// vanbanphapluat.co/tcvn-5712-1993-cong-nghe-thong-tin-bo-ma-chuan-8-bit-ki-tu-viet) and the VSCII article
/// (en.wikipedia.org/wiki/VSCII: VN3 = ASCII + 67 lowercase + 7 capitals + NBSP), checked value by value against
/// GNU libiconv <c>lib/tcvn.h</c> (VN1, of which VN3 is the subset at 0xA0-0xFE) and the byte→glyph rows of
/// "TCVN-3-1" in receipt-print-hq/escpos-printer-db <c>data/encoding.yml</c> (Epson code table 30).
/// </remarks>
public static class Tcvn3
{
    private static readonly FrozenDictionary<char, byte> ByLetter = new Dictionary<char, byte>
    {
        ['\u00A0'] = 0xA0,

        // Capitals without a tone.
        ['Ă'] = 0xA1,
        ['Â'] = 0xA2,
        ['Ê'] = 0xA3,
        ['Ô'] = 0xA4,
        ['Ơ'] = 0xA5,
        ['Ư'] = 0xA6,
        ['Đ'] = 0xA7,

        // Lowercase letters with a hat, breve, horn or bar.
        ['ă'] = 0xA8,
        ['â'] = 0xA9,
        ['ê'] = 0xAA,
        ['ô'] = 0xAB,
        ['ơ'] = 0xAC,
        ['ư'] = 0xAD,
        ['đ'] = 0xAE,

        // Toned vowels, in the standard's tone order: huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).
        ['à'] = 0xB5,
        ['ả'] = 0xB6,
        ['ã'] = 0xB7,
        ['á'] = 0xB8,
        ['ạ'] = 0xB9,
        ['ằ'] = 0xBB,
        ['ẳ'] = 0xBC,
        ['ẵ'] = 0xBD,
        ['ắ'] = 0xBE,
        ['ặ'] = 0xC6,
        ['ầ'] = 0xC7,
        ['ẩ'] = 0xC8,
        ['ẫ'] = 0xC9,
        ['ấ'] = 0xCA,
        ['ậ'] = 0xCB,
        ['è'] = 0xCC,
        ['ẻ'] = 0xCE,
        ['ẽ'] = 0xCF,
        ['é'] = 0xD0,
        ['ẹ'] = 0xD1,
        ['ề'] = 0xD2,
        ['ể'] = 0xD3,
        ['ễ'] = 0xD4,
        ['ế'] = 0xD5,
        ['ệ'] = 0xD6,
        ['ì'] = 0xD7,
        ['ỉ'] = 0xD8,
        ['ĩ'] = 0xDC,
        ['í'] = 0xDD,
        ['ị'] = 0xDE,
        ['ò'] = 0xDF,
        ['ỏ'] = 0xE1,
        ['õ'] = 0xE2,
        ['ó'] = 0xE3,
        ['ọ'] = 0xE4,
        ['ồ'] = 0xE5,
        ['ổ'] = 0xE6,
        ['ỗ'] = 0xE7,
        ['ố'] = 0xE8,
        ['ộ'] = 0xE9,
        ['ờ'] = 0xEA,
        ['ở'] = 0xEB,
        ['ỡ'] = 0xEC,
        ['ớ'] = 0xED,
        ['ợ'] = 0xEE,
        ['ù'] = 0xEF,
        ['ủ'] = 0xF1,
        ['ũ'] = 0xF2,
        ['ú'] = 0xF3,
        ['ụ'] = 0xF4,
        ['ừ'] = 0xF5,
        ['ử'] = 0xF6,
        ['ữ'] = 0xF7,
        ['ứ'] = 0xF8,
        ['ự'] = 0xF9,
        ['ỳ'] = 0xFA,
        ['ỷ'] = 0xFB,
        ['ỹ'] = 0xFC,
        ['ý'] = 0xFD,
        ['ỵ'] = 0xFE,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, char> ByByte = ByLetter.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Every non-ASCII character VN3 has: the no-break space and 74 letters.</summary>
    public static IReadOnlyCollection<char> Characters => ByLetter.Keys;

    public static bool Contains(char c) => c is >= ' ' and <= '~' || ByLetter.ContainsKey(c);

    /// <summary>
    /// False when any character is outside VN3 (a toned capital, a control character, anything non-Vietnamese);
    /// the caller then prints the text another way instead of losing letters. Decomposed input is composed first.
    /// </summary>
    public static bool TryEncode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.Normalize(NormalizationForm.FormC);
        var buffer = new byte[composed.Length];
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            if (c is >= ' ' and <= '~')
            {
                buffer[i] = (byte)c;
            }
            else if (ByLetter.TryGetValue(c, out var code))
            {
                buffer[i] = code;
            }
            else
            {
                bytes = null;
                return false;
            }
        }

        bytes = buffer;
        return true;
    }

    /// <summary>Bytes VN3 leaves unassigned decode as U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(b < 0x80 ? (char)b : ByByte.GetValueOrDefault(b, '\uFFFD'));
        }

        return builder.ToString();
    }
}
