using System.Numerics;
using System.Text;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// Reads DG13 (tag 6D) of a Vietnamese CCCD. Community readers describe it as a list of SEQUENCEs, each an INTEGER
/// field number followed by text (UTF-8), the parents' entry holding two names. Walking the tree in document
/// order and attaching every string to the last INTEGER seen copes with either nesting, so the parser does not
/// depend on the exact layout, which has not been checked on a real card here.
/// </summary>
public static class VietnameseDg13
{
    private const int IntegerTag = 0x02;
    private const int SequenceTag = 0x30;

    public static VietnameseIdDetails Parse(ReadOnlyMemory<byte> file)
    {
        var root = BerTlv.ReadOne(file, out _);
        if (root.Tag != LdsFiles.Dg13Tag)
        {
            throw new InvalidDataException($"DG13 starts with tag {root.Tag:X2}, expected 6D");
        }

        var fields = new SortedDictionary<int, List<string>>();
        var current = 0;
        Walk(root.Value, fields, ref current);
        return new VietnameseIdDetails(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value));
    }

    /// <summary>The layout <see cref="Parse"/> expects, for the simulated card: one SEQUENCE per field, several values as nested SEQUENCEs.</summary>
    public static byte[] Encode(IReadOnlyDictionary<int, IReadOnlyList<string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var entries = fields.OrderBy(f => f.Key).Select(field =>
        {
            var number = BerTlv.Encode(IntegerTag, new BigInteger(field.Key).ToByteArray(isUnsigned: false, isBigEndian: true));
            var values = field.Value.Count == 1
                ? [Utf8(field.Value[0])]
                : field.Value.Select(value => BerTlv.Encode(SequenceTag, Utf8(value))).ToArray();
            return BerTlv.EncodeConstructed(SequenceTag, [number, .. values]);
        });
        return BerTlv.EncodeConstructed(LdsFiles.Dg13Tag, [.. entries]);
    }

    private static byte[] Utf8(string text) => BerTlv.Encode(0x0C, Encoding.UTF8.GetBytes(text));

    private static void Walk(ReadOnlyMemory<byte> value, SortedDictionary<int, List<string>> fields, ref int current)
    {
        foreach (var element in BerTlv.Parse(value))
        {
            if (element.Tag == IntegerTag && element.Value.Length is > 0 and <= 4)
            {
                current = (int)new BigInteger(element.Value.Span, isUnsigned: true, isBigEndian: true);
            }
            else if (Decode(element) is { } text)
            {
                if (!fields.TryGetValue(current, out var values))
                {
                    values = [];
                    fields[current] = values;
                }

                values.Add(text);
            }
            else if (element.IsConstructed)
            {
                Walk(element.Value, fields, ref current);
            }
        }
    }

    private static string? Decode(BerTlvElement element) => element.Tag switch
    {
        0x0C => Encoding.UTF8.GetString(element.Value.Span),
        0x13 or 0x16 => Encoding.ASCII.GetString(element.Value.Span),
        0x1E => Encoding.BigEndianUnicode.GetString(element.Value.Span),
        _ => null,
    };
}
