namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// A short ISO 7816-4 command APDU. <paramref name="ExpectedLength"/> null means no Le field; 256 is sent as 00.
/// </summary>
public sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, ReadOnlyMemory<byte> Data, int? ExpectedLength)
{
    public static CommandApdu Select(byte p1, byte p2, ReadOnlySpan<byte> identifier) => new(0x00, 0xA4, p1, p2, identifier.ToArray(), null);

    public static CommandApdu ReadBinary(int offset, int length) => new(0x00, 0xB0, (byte)(offset >> 8), (byte)offset, ReadOnlyMemory<byte>.Empty, length);

    public byte[] ToBytes()
    {
        if (Data.Length > 255)
        {
            throw new InvalidOperationException("extended-length APDUs are not used by this reader");
        }

        var bytes = new List<byte>(Data.Length + 6) { Cla, Ins, P1, P2 };
        if (!Data.IsEmpty)
        {
            bytes.Add((byte)Data.Length);
            bytes.AddRange(Data.Span);
        }

        if (ExpectedLength is { } le)
        {
            bytes.Add((byte)(le == 256 ? 0 : le));
        }

        return [.. bytes];
    }

    /// <summary>Parses cases 1 to 4 of short APDUs (what the simulated chip receives).</summary>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new InvalidDataException("a command APDU has at least four header bytes");
        }

        var body = apdu[4..];
        switch (body.Length)
        {
            case 0:
                return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], ReadOnlyMemory<byte>.Empty, null);
            case 1:
                return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], ReadOnlyMemory<byte>.Empty, DecodeLe(body[0]));
        }

        var lc = body[0];
        if (body.Length == 1 + lc)
        {
            return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], body.Slice(1, lc).ToArray(), null);
        }

        if (body.Length == 2 + lc)
        {
            return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], body.Slice(1, lc).ToArray(), DecodeLe(body[^1]));
        }

        throw new InvalidDataException($"APDU body of {body.Length} bytes does not match Lc {lc}");
    }

    private static int DecodeLe(byte le) => le == 0 ? 256 : le;
}
