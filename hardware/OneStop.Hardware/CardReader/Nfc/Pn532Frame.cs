namespace OneStop.Hardware.CardReader;

/// <summary>
/// PN532 host frames (NXP UM0701-02 §6.2): <c>00 00 FF LEN LCS TFI data DCS 00</c> with LEN+LCS ≡ 0 and
/// TFI+Σdata+DCS ≡ 0 (mod 256); TFI D4 host→PN532, D5 back; responses carry command+1.
/// </summary>
public static class Pn532Frame
{
    public const byte HostToPn532 = 0xD4;
    public const byte Pn532ToHost = 0xD5;
    public const byte GetFirmwareVersion = 0x02;
    public const byte SamConfiguration = 0x14;
    public const byte InDataExchange = 0x40;
    public const byte InListPassiveTarget = 0x4A;

    public static ReadOnlySpan<byte> Ack => [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];

    public static ReadOnlySpan<byte> Nack => [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>HSU wake-up: the PN532 sleeps until it sees a long preamble (dotnet/iot sends 0x55 0x55 + zeros).</summary>
    public static ReadOnlySpan<byte> WakeUp => [0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static byte[] Command(byte command, ReadOnlySpan<byte> parameters) => Build(HostToPn532, command, parameters);

    public static byte[] Response(byte command, ReadOnlySpan<byte> data) => Build(Pn532ToHost, (byte)(command + 1), data);

    /// <summary>
    /// Finds one information frame at the start of <paramref name="buffer"/> (after optional leading zeros).
    /// Returns false while more bytes are needed; throws <see cref="InvalidDataException"/> on a checksum error.
    /// ACK/NACK are not information frames (their LEN+LCS is 0xFF): match them against <see cref="Ack"/> first.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out byte frameIdentifier, out byte[] payload, out int consumed)
    {
        frameIdentifier = 0;
        payload = [];
        consumed = 0;
        var start = buffer.IndexOf((ReadOnlySpan<byte>)[0x00, 0xFF]);
        if (start < 0 || buffer.Length < start + 4)
        {
            return false;
        }

        var length = buffer[start + 2];
        var lengthChecksum = buffer[start + 3];
        if ((byte)(length + lengthChecksum) != 0)
        {
            throw new InvalidDataException($"PN532 frame length checksum mismatch ({length:X2} + {lengthChecksum:X2})");
        }

        var body = start + 4;
        if (buffer.Length < body + length + 2)
        {
            return false;
        }

        var sum = 0;
        foreach (var b in buffer.Slice(body, length + 1))
        {
            sum += b;
        }

        if ((byte)sum != 0)
        {
            throw new InvalidDataException("PN532 frame data checksum mismatch");
        }

        frameIdentifier = buffer[body];
        payload = buffer.Slice(body + 1, length - 1).ToArray();
        consumed = body + length + 2;
        return true;
    }

    private static byte[] Build(byte frameIdentifier, byte command, ReadOnlySpan<byte> data)
    {
        var length = data.Length + 2;
        if (length > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "normal information frames carry at most 253 data bytes");
        }

        var frame = new byte[length + 7];
        frame[2] = 0xFF;
        frame[3] = (byte)length;
        frame[4] = (byte)-length;
        frame[5] = frameIdentifier;
        frame[6] = command;
        data.CopyTo(frame.AsSpan(7));
        var sum = frameIdentifier + command;
        foreach (var b in data)
        {
            sum += b;
        }

        frame[^2] = (byte)-sum;
        return frame;
    }
}
