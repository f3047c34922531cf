namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>
/// PN532 host frames (NXP UM0701-02 §6.2): <c>00 00 FF LEN LCS TFI data DCS 00</c> with LEN+LCS ≡ 0 and
/// TFI+Σdata+DCS ≡ 0 (mod 256); TFI D4 host→PN532, D5 back; responses carry command+1. Extended frames
/// (<c>00 00 FF FF FF LENm LENl LCS …</c>) are decoded but never sent: every command here fits a normal frame.
/// </summary>
public static class Pn532Frame
{
    public const byte HostToPn532 = 0xD4;
    public const byte Pn532ToHost = 0xD5;
    public const byte ErrorFrameIdentifier = 0x7F;
    public const byte GetFirmwareVersion = 0x02;
    public const byte SetParameters = 0x12;
    public const byte SamConfiguration = 0x14;
    public const byte RfConfiguration = 0x32;
    public const byte InDataExchange = 0x40;
    public const byte InListPassiveTarget = 0x4A;
    public const byte InRelease = 0x52;

    /// <summary>TFI + command + data of a normal frame is at most 255 bytes.</summary>
    public const int MaxCommandData = 253;

    public static ReadOnlySpan<byte> Ack => [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];

    public static ReadOnlySpan<byte> Nack => [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>Sent by the PN532 when a well-formed frame carries a command it cannot execute (UM0701-02 §6.2.1.5).</summary>
    public static ReadOnlySpan<byte> ErrorFrame => [0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00];

    /// <summary>HSU wake-up: the PN532 sleeps until it sees a long preamble (dotnet/iot sends 0x55 0x55 + zeros).</summary>
    public static ReadOnlySpan<byte> WakeUp => [0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static byte[] Command(byte command, ReadOnlySpan<byte> parameters) => Build(HostToPn532, command, parameters);

    public static byte[] Response(byte command, ReadOnlySpan<byte> data) => Build(Pn532ToHost, (byte)(command + 1), data);

    /// <summary>Information frame with a wrong data checksum, for simulating line noise.</summary>
    public static byte[] CorruptResponse(byte command, ReadOnlySpan<byte> data)
    {
        var frame = Response(command, data);
        frame[^2] ^= 0x5A;
        return frame;
    }

    /// <summary>
    /// Finds the first frame in <paramref name="buffer"/>. Returns false while more bytes are needed. In both cases
    /// <paramref name="consumed"/> says how many leading bytes the caller may drop (noise before a start code, or the frame).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> buffer, out Pn532Packet packet, out int consumed)
    {
        packet = default;
        var start = buffer.IndexOf((ReadOnlySpan<byte>)[0x00, 0xFF]);
        if (start < 0)
        {
            // Keep a trailing 00: it may be the first half of the next start code.
            consumed = buffer.Length > 0 && buffer[^1] == 0x00 ? buffer.Length - 1 : buffer.Length;
            return false;
        }

        consumed = start;
        var p = start + 2;
        if (buffer.Length < p + 2)
        {
            return false;
        }

        var (first, second) = (buffer[p], buffer[p + 1]);
        if (first == 0x00 && second == 0xFF)
        {
            return Control(buffer, Pn532PacketKind.Ack, p + 2, out packet, out consumed);
        }

        if (first == 0xFF && second == 0x00)
        {
            return Control(buffer, Pn532PacketKind.Nack, p + 2, out packet, out consumed);
        }

        int length;
        int body;
        bool lengthValid;
        if (first == 0xFF && second == 0xFF)
        {
            if (buffer.Length < p + 5)
            {
                return false;
            }

            length = (buffer[p + 2] << 8) | buffer[p + 3];
            lengthValid = (byte)(buffer[p + 2] + buffer[p + 3] + buffer[p + 4]) == 0;
            body = p + 5;
        }
        else
        {
            length = first;
            lengthValid = (byte)(first + second) == 0;
            body = p + 2;
        }

        if (!lengthValid || length == 0)
        {
            // A broken length gives no frame boundary: drop the start code and resynchronise on the next one.
            packet = new Pn532Packet(Pn532PacketKind.Corrupt, 0, []);
            consumed = p;
            return true;
        }

        if (buffer.Length < body + length + 1)
        {
            return false;
        }

        var sum = 0;
        foreach (var b in buffer.Slice(body, length + 1))
        {
            sum += b;
        }

        consumed = SkipPostamble(buffer, body + length + 1);
        var identifier = buffer[body];
        var payload = buffer.Slice(body + 1, length - 1).ToArray();
        var kind = (byte)sum != 0 ? Pn532PacketKind.Corrupt
            : identifier == ErrorFrameIdentifier ? Pn532PacketKind.Error
            : Pn532PacketKind.Information;
        packet = new Pn532Packet(kind, identifier, payload);
        return true;
    }

    /// <summary>Parses one information frame; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out byte frameIdentifier, out byte[] payload, out int consumed)
    {
        frameIdentifier = 0;
        payload = [];
        if (!TryDecode(buffer, out var packet, out consumed))
        {
            return false;
        }

        if (packet.Kind != Pn532PacketKind.Information)
        {
            throw new InvalidDataException($"expected a PN532 information frame, got {packet.Kind} (checksum mismatch or control frame)");
        }

        frameIdentifier = packet.FrameIdentifier;
        payload = packet.Payload;
        return true;
    }

    private static bool Control(ReadOnlySpan<byte> buffer, Pn532PacketKind kind, int end, out Pn532Packet packet, out int consumed)
    {
        packet = new Pn532Packet(kind, 0, []);
        consumed = SkipPostamble(buffer, end);
        return true;
    }

    private static int SkipPostamble(ReadOnlySpan<byte> buffer, int end) => end < buffer.Length && buffer[end] == 0x00 ? end + 1 : end;

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
