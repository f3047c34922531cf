namespace OneStop.Hardware.CardReader.Icao;

/// <summary>The subset of BER-TLV (ISO 7816-4 §5.2, ICAO 9303-10) that LDS files and secure-messaging objects use.</summary>
public static class BerTlv
{
    public static IReadOnlyList<BerTlvElement> Parse(ReadOnlyMemory<byte> data)
    {
        var elements = new List<BerTlvElement>();
        var offset = 0;
        while (offset < data.Length)
        {
            var span = data.Span[offset..];
            // 00 and FF between objects are padding (ISO 7816-4 §5.2), not elements.
            if (span[0] is 0x00 or 0xFF)
            {
                offset++;
                continue;
            }

            var element = ReadOne(data[offset..], out var consumed);
            elements.Add(element);
            offset += consumed;
        }

        return elements;
    }

    /// <summary>Reads the element at the start of <paramref name="data"/>; trailing bytes are left alone.</summary>
    public static BerTlvElement ReadOne(ReadOnlyMemory<byte> data, out int consumed)
    {
        if (!TryReadHeader(data.Span, out var tag, out var headerLength, out var valueLength))
        {
            throw new InvalidDataException("truncated BER-TLV header");
        }

        consumed = headerLength + valueLength;
        if (consumed > data.Length)
        {
            throw new InvalidDataException($"BER-TLV element {tag:X} claims {valueLength} bytes but {data.Length - headerLength} remain");
        }

        return new BerTlvElement(tag, data.Slice(headerLength, valueLength), data[..consumed]);
    }

    /// <summary>Reads tag and length only, so a file's total size can be learned from its first few bytes.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out int tag, out int headerLength, out int valueLength)
    {
        tag = 0;
        headerLength = 0;
        valueLength = 0;
        if (data.IsEmpty)
        {
            return false;
        }

        var position = 1;
        tag = data[0];
        if ((data[0] & 0x1F) == 0x1F)
        {
            if (data.Length < 2)
            {
                return false;
            }

            if ((data[1] & 0x80) != 0)
            {
                throw new InvalidDataException("tags longer than two bytes do not occur in the LDS");
            }

            tag = (tag << 8) | data[1];
            position = 2;
        }

        if (data.Length <= position)
        {
            return false;
        }

        var first = data[position++];
        if (first < 0x80)
        {
            valueLength = first;
        }
        else
        {
            var count = first & 0x7F;
            if (count is 0 or > 3)
            {
                throw new InvalidDataException($"unsupported BER length form {first:X2}");
            }

            if (data.Length < position + count)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                valueLength = (valueLength << 8) | data[position++];
            }
        }

        headerLength = position;
        return true;
    }

    public static byte[] Encode(int tag, ReadOnlySpan<byte> value)
    {
        var bytes = new List<byte>(value.Length + 6);
        if (tag > 0xFF)
        {
            bytes.Add((byte)(tag >> 8));
        }

        bytes.Add((byte)tag);
        switch (value.Length)
        {
            case < 0x80:
                bytes.Add((byte)value.Length);
                break;
            case <= 0xFF:
                bytes.Add(0x81);
                bytes.Add((byte)value.Length);
                break;
            default:
                bytes.Add(0x82);
                bytes.Add((byte)(value.Length >> 8));
                bytes.Add((byte)value.Length);
                break;
        }

        bytes.AddRange(value);
        return [.. bytes];
    }

    /// <summary>A constructed element from already encoded children.</summary>
    public static byte[] EncodeConstructed(int tag, params byte[][] children) => Encode(tag, (ReadOnlySpan<byte>)children.SelectMany(child => child).ToArray());
}
