namespace OneStop.Hardware.CardReader.Icao;

/// <summary>One BER-TLV element: its tag (one or two bytes, e.g. 0x61 or 0x5F1F), value, and the bytes it was read from.</summary>
public readonly record struct BerTlvElement(int Tag, ReadOnlyMemory<byte> Value, ReadOnlyMemory<byte> Encoded)
{
    /// <summary>Bit 6 of the first tag byte marks a constructed element, whose value is itself TLV.</summary>
    public bool IsConstructed => ((Tag > 0xFF ? Tag >> 8 : Tag) & 0x20) != 0;
}
