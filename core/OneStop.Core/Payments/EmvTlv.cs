using System.Globalization;
using System.Text;

namespace OneStop.Core.Payments;

/// <summary>EMVCo merchant-presented QR "ID-length-value" encoding: 2-digit tag, 2-digit length, value of at most 99 characters.</summary>
public static class EmvTlv
{
    public const int MaxValueLength = 99;

    public static string Encode(string tag, string value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(value);
        if (tag.Length != 2 || !tag.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"EMV tag '{tag}' must be two digits.", nameof(tag));
        }

        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"Value of tag {tag} is {value.Length} characters; EMVCo allows {MaxValueLength}.", nameof(value));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{tag}{value.Length:D2}{value}");
    }

    public static string Encode(IEnumerable<TlvField> fields)
    {
        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            builder.Append(Encode(field.Tag, field.Value));
        }

        return builder.ToString();
    }

    /// <summary>Splits a string of data objects; false when a length runs past the end or is not two digits.</summary>
    public static bool TryDecode(string text, out IReadOnlyList<TlvField> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<TlvField>();
        fields = list;
        var position = 0;
        while (position < text.Length)
        {
            if (position + 4 > text.Length
                || !char.IsAsciiDigit(text[position]) || !char.IsAsciiDigit(text[position + 1])
                || !char.IsAsciiDigit(text[position + 2]) || !char.IsAsciiDigit(text[position + 3]))
            {
                return false;
            }

            var tag = text.Substring(position, 2);
            var length = int.Parse(text.AsSpan(position + 2, 2), CultureInfo.InvariantCulture);
            position += 4;
            if (position + length > text.Length)
            {
                return false;
            }

            list.Add(new TlvField(tag, text.Substring(position, length)));
            position += length;
        }

        return true;
    }
}
