using System.Text;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// Splits the MRZ held in DG1 into fields (ICAO 9303 parts 4 to 6): TD1 (ID cards such as the CCCD, 3 × 30),
/// TD2 (2 × 36) and TD3 (passports, 2 × 44). Check digits are not enforced: the chip's copy is what it is.
/// </summary>
public static class Mrz
{
    public static IdCardData Parse(string mrz)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var text = mrz.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        return text.Length switch
        {
            90 => ParseTd1(text),
            72 => ParseTwoLine(text, 36),
            88 => ParseTwoLine(text, 44),
            _ => throw new CardException(CardFailure.ProtocolError, $"DG1 holds a {text.Length}-character MRZ; expected 90 (ID card), 72 or 88 (passport)"),
        };
    }

    /// <summary>DG1 is <c>61 L 5F1F L mrz</c>.</summary>
    public static string FromDg1(ReadOnlyMemory<byte> file)
    {
        var root = BerTlv.ReadOne(file, out _);
        var mrz = root.Tag == LdsFiles.Dg1Tag ? BerTlv.Parse(root.Value).FirstOrDefault(e => e.Tag == LdsFiles.MrzTag) : default;
        return mrz.Tag == LdsFiles.MrzTag
            ? Encoding.ASCII.GetString(mrz.Value.Span)
            : throw new InvalidDataException("DG1 does not hold an MRZ data object (61 / 5F1F)");
    }

    public static byte[] ToDg1(string mrz) => BerTlv.EncodeConstructed(LdsFiles.Dg1Tag, BerTlv.Encode(LdsFiles.MrzTag, Encoding.ASCII.GetBytes(mrz)));

    private static IdCardData ParseTd1(string mrz)
    {
        var (line1, line2, line3) = (mrz[..30], mrz[30..60], mrz[60..]);
        var (surname, given) = Names(line3);
        var optional = Filler(line2[18..29]).Length == 0 ? Filler(line1[15..30]) : $"{Filler(line1[15..30])} {Filler(line2[18..29])}";
        return new IdCardData(line1[5..14], surname, given, line2[15..18], line2[..6], line2[7..8], line2[8..14], optional, mrz, []);
    }

    private static IdCardData ParseTwoLine(string mrz, int width)
    {
        var (line1, line2) = (mrz[..width], mrz[width..]);
        var (surname, given) = Names(line1[5..]);
        var optionalEnd = width == 44 ? 42 : 35;
        return new IdCardData(line2[..9], surname, given, line2[10..13], line2[13..19], line2[20..21], line2[21..27], Filler(line2[28..optionalEnd]), mrz, []);
    }

    private static (string Surname, string GivenNames) Names(string field)
    {
        var split = field.IndexOf("<<", StringComparison.Ordinal);
        return split < 0 ? (Words(field), string.Empty) : (Words(field[..split]), Words(field[(split + 2)..]));
    }

    private static string Words(string field) => string.Join(' ', field.Split('<', StringSplitOptions.RemoveEmptyEntries));

    private static string Filler(string field) => field.TrimEnd('<');
}
