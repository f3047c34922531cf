using OneStop.Hardware.Buses;

namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>
/// PN532 over its HSU (UART) link (NXP UM0701-02): wake-up, command/ACK/response handshake with NACK-driven
/// retransmission of garbled answers, and the commands a contactless ID-card read needs. Owns its byte stream.
/// </summary>
public sealed class Pn532 : IDisposable
{
    /// <summary>InDataExchange carries Tg plus data in one normal frame.</summary>
    public const int MaxExchangeChunk = Pn532Frame.MaxCommandData - 1;

    private const int MaxRetransmissions = 2;

    private readonly IByteStream _stream;
    private readonly Pn532Timeouts _timeouts;
    private readonly TimeProvider _time;
    private readonly List<byte> _received = [];
    private readonly byte[] _chunk = new byte[300];

    public Pn532(IByteStream stream, Pn532Timeouts? timeouts = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _timeouts = timeouts ?? Pn532Timeouts.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>False until <see cref="WakeUp"/> succeeded; a fresh PN532 on HSU ignores frames until woken.</summary>
    public bool IsAwake { get; private set; }

    /// <summary>Long preamble, then SAMConfiguration: the PN532 expects that as the first command after waking (UM0701-02 §7.2.11).</summary>
    public void WakeUp()
    {
        _stream.Write(Pn532Frame.WakeUp);
        ConfigureSam();
        IsAwake = true;
    }

    /// <summary>Normal mode (no SAM), virtual-card timeout 1 s (unused), IRQ pin driven.</summary>
    public void ConfigureSam() => Execute(Pn532Frame.SamConfiguration, [0x01, 0x14, 0x01], _timeouts.Response);

    public Pn532FirmwareVersion GetFirmwareVersion()
    {
        var answer = Execute(Pn532Frame.GetFirmwareVersion, [], _timeouts.Response);
        return answer.Length == 4
            ? new Pn532FirmwareVersion(answer[0], answer[1], answer[2], answer[3])
            : throw new InvalidDataException($"GetFirmwareVersion answered {answer.Length} bytes, expected 4");
    }

    /// <summary>
    /// RFConfiguration item 5 (MaxRetries). The power-on MxRtyPassiveActivation of FF makes InListPassiveTarget
    /// wait for a card forever; a small number makes "no card" an answer instead of a timeout.
    /// </summary>
    public void SetPassiveActivationRetries(byte retries) => Execute(Pn532Frame.RfConfiguration, [0x05, 0xFF, 0x01, retries], _timeouts.Response);

    /// <summary>Activates one card up to ISO 14443-4 (the PN532 sends RATS or ATTRIB itself); null when none answered.</summary>
    public Pn532Target? InListPassiveTarget(Pn532Modulation modulation)
    {
        byte[] parameters = modulation == Pn532Modulation.TypeB106 ? [0x01, (byte)modulation, 0x00] : [0x01, (byte)modulation];
        return Pn532Target.Parse(modulation, Execute(Pn532Frame.InListPassiveTarget, parameters, _timeouts.CardResponse));
    }

    /// <summary>
    /// Sends <paramref name="data"/> (an APDU) to the target and returns the card's answer. Data longer than one frame
    /// is sent in pieces with the MI bit set in Tg; answers flagged MI in the status byte are fetched with further
    /// InDataExchange commands carrying only Tg (UM0701-02 §7.3.8).
    /// </summary>
    public byte[] InDataExchange(byte target, ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (data.Length - offset > MaxExchangeChunk)
        {
            CheckStatus(Execute(Pn532Frame.InDataExchange, [(byte)(target | Pn532Status.MoreInformation), .. data.Slice(offset, MaxExchangeChunk)], _timeouts.CardResponse));
            offset += MaxExchangeChunk;
        }

        var answer = Execute(Pn532Frame.InDataExchange, [target, .. data[offset..]], _timeouts.CardResponse);
        var result = new List<byte>(answer.Length);
        while (true)
        {
            var status = CheckStatus(answer);
            result.AddRange(answer.AsSpan(1));
            if ((status & Pn532Status.MoreInformation) == 0)
            {
                return [.. result];
            }

            answer = Execute(Pn532Frame.InDataExchange, [target], _timeouts.CardResponse);
        }
    }

    public void InRelease(byte target) => Execute(Pn532Frame.InRelease, [target], _timeouts.Response);

    /// <summary>One command: frame out, ACK in, answer in (NACKed and re-read when garbled). Returns the answer after the response code.</summary>
    public byte[] Execute(byte command, ReadOnlySpan<byte> parameters, TimeSpan responseTimeout)
    {
        var frame = Pn532Frame.Command(command, parameters);
        DiscardStale();
        _stream.Write(frame);
        WaitForAck(command);
        var retransmissions = 0;
        while (true)
        {
            if (ReadPacket(responseTimeout) is not { } packet)
            {
                // An ACK from the host aborts the command, so the PN532 is ready for the next one.
                _stream.Write(Pn532Frame.Ack);
                throw new TimeoutException($"PN532 acknowledged command 0x{command:X2} but did not answer within {responseTimeout.TotalMilliseconds:0} ms");
            }

            switch (packet.Kind)
            {
                case Pn532PacketKind.Information:
                    if (packet.FrameIdentifier != Pn532Frame.Pn532ToHost || packet.Payload.Length == 0 || packet.Payload[0] != (byte)(command + 1))
                    {
                        throw new DeviceFaultException($"PN532 answered command 0x{command:X2} with TFI {packet.FrameIdentifier:X2} code {(packet.Payload.Length > 0 ? packet.Payload[0] : 0):X2}");
                    }

                    return packet.Payload[1..];
                case Pn532PacketKind.Error:
                    throw new DeviceFaultException($"PN532 answered command 0x{command:X2} with an error frame (unsupported command or bad parameters)");
                case Pn532PacketKind.Corrupt when retransmissions < MaxRetransmissions:
                    retransmissions++;
                    _stream.Write(Pn532Frame.Nack);
                    break;
                case Pn532PacketKind.Corrupt:
                    throw new InvalidDataException($"PN532 answer to command 0x{command:X2} failed its checksum {retransmissions + 1} times");
                default:
                    // A late ACK or NACK on the line carries no answer; keep waiting for the information frame.
                    break;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static byte CheckStatus(byte[] answer)
    {
        if (answer.Length == 0)
        {
            throw new InvalidDataException("InDataExchange answer without status byte");
        }

        var error = (byte)(answer[0] & Pn532Status.ErrorMask);
        return error == 0 ? answer[0] : throw new CardException(CardFailure.CardNotAnswering, Pn532Status.Describe(error));
    }

    private void WaitForAck(byte command)
    {
        var packet = ReadPacket(_timeouts.Ack);
        switch (packet?.Kind)
        {
            case Pn532PacketKind.Ack:
                return;
            case null:
                IsAwake = false;
                throw new TimeoutException($"PN532 did not acknowledge command 0x{command:X2} within {_timeouts.Ack.TotalMilliseconds:0} ms (powered, wired TX↔RX, HSU selected, awake?)");
            case Pn532PacketKind.Corrupt:
                throw new InvalidDataException($"garbled ACK for PN532 command 0x{command:X2}");
            default:
                throw new DeviceFaultException($"PN532 sent {packet.Value.Kind} where the ACK for command 0x{command:X2} belonged");
        }
    }

    private Pn532Packet? ReadPacket(TimeSpan timeout)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            var found = Pn532Frame.TryDecode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_received), out var packet, out var consumed);
            _received.RemoveRange(0, consumed);
            if (found)
            {
                return packet;
            }

            var remaining = timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var read = _stream.Read(_chunk, remaining);
            if (read == 0)
            {
                return null;
            }

            _received.AddRange(_chunk.AsSpan(0, read));
        }
    }

    /// <summary>Drops leftovers of an aborted exchange so they are not taken for this command's ACK.</summary>
    private void DiscardStale()
    {
        _received.Clear();
        while (_stream.Read(_chunk, TimeSpan.Zero) > 0)
        {
        }
    }
}
