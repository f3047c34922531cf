namespace OneStop.Hardware.CardReader.Icao;

public sealed record ResponseApdu(ReadOnlyMemory<byte> Data, ushort StatusWord)
{
    public bool IsSuccess => StatusWord == StatusWords.Success;

    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
        {
            throw new InvalidDataException("a response APDU ends with two status bytes");
        }

        return new ResponseApdu(response[..^2].ToArray(), (ushort)((response[^2] << 8) | response[^1]));
    }

    public byte[] ToBytes() => [.. Data.Span, (byte)(StatusWord >> 8), (byte)StatusWord];
}
