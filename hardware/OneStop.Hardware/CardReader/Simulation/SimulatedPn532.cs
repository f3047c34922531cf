using System.Runtime.InteropServices;
using OneStop.Hardware.Buses;
using OneStop.Hardware.CardReader.Nfc;

namespace OneStop.Hardware.CardReader.Simulation;

/// <summary>
/// The PN532's side of the HSU frame protocol, for tests and bench setups on a PTY: sleeps until the 0x55 preamble,
/// ACKs valid frames, ignores corrupt ones, resends its last answer on NACK, answers unknown commands with the error
/// frame, and routes InDataExchange (with MI chaining both ways) to the card in its field.
/// </summary>
public sealed class SimulatedPn532 : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<byte> _input = [];
    private readonly List<byte> _incomingChain = [];
    private readonly List<byte> _commands = [];
    private readonly int _maxAnswerChunk;
    private byte[] _lastResponse = [];
    private byte[] _outgoingChain = [];
    private SimulatedContactlessCard? _card;
    private bool _targetActive;
    private int? _exchangesBeforeRemoval;
    private SimulatedPn532Fault _nextFault;
    private byte[]? _delayedAnswer;
    private Thread? _thread;
    private volatile bool _stopping;

    /// <param name="maxAnswerChunk">Card answer bytes per InDataExchange answer; smaller values force MI chaining.</param>
    public SimulatedPn532(int maxAnswerChunk = Pn532.MaxExchangeChunk) => _maxAnswerChunk = maxAnswerChunk;

    public bool IsAwake { get; private set; }

    public SimulatedPn532Fault NextFault
    {
        get
        {
            lock (_gate)
            {
                return _nextFault;
            }
        }

        set
        {
            lock (_gate)
            {
                _nextFault = value;
            }
        }
    }

    /// <summary>
    /// How long the card takes to answer an APDU when served on a stream (<see cref="Serve"/>): the PN532 ACKs at once
    /// and answers when the card does. ISO 14443-4 cards may stretch this to seconds with waiting-time extensions.
    /// </summary>
    public TimeSpan CardAnswerDelay { get; set; }

    /// <summary>Command codes received, in order.</summary>
    public IReadOnlyList<byte> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public void PlaceCard(SimulatedContactlessCard card)
    {
        lock (_gate)
        {
            _card = card;
            _targetActive = false;
            _exchangesBeforeRemoval = null;
        }
    }

    public void RemoveCard()
    {
        lock (_gate)
        {
            _card = null;
            _targetActive = false;
        }
    }

    /// <summary>Takes the card away after this many more InDataExchange commands reached it.</summary>
    public void RemoveCardAfter(int exchanges)
    {
        lock (_gate)
        {
            _exchangesBeforeRemoval = exchanges;
        }
    }

    /// <summary>Feeds bytes from the host; returns what the PN532 sends back.</summary>
    public byte[] Receive(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _input.AddRange(bytes);
            var output = new List<byte>();
            if (!IsAwake)
            {
                var wake = _input.IndexOf(0x55);
                if (wake < 0)
                {
                    _input.Clear();
                    return [];
                }

                IsAwake = true;
                _input.RemoveRange(0, wake + 1);
            }

            while (true)
            {
                var found = Pn532Frame.TryDecode(CollectionsMarshal.AsSpan(_input), out var packet, out var consumed);
                _input.RemoveRange(0, consumed);
                if (!found)
                {
                    return [.. output];
                }

                Handle(packet, output);
            }
        }
    }

    /// <summary>Answers on <paramref name="stream"/> (a PTY master) from a background thread until disposed.</summary>
    public void Serve(IByteStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _thread = new Thread(() => Loop(stream)) { IsBackground = true, Name = nameof(SimulatedPn532) };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread?.Join();
    }

    private void Loop(IByteStream stream)
    {
        var buffer = new byte[512];
        try
        {
            while (!_stopping)
            {
                // The short timeout only bounds how long Dispose waits; it does not pace the protocol.
                var read = stream.Read(buffer, TimeSpan.FromMilliseconds(20));
                if (read > 0 && Receive(buffer.AsSpan(0, read)) is { Length: > 0 } reply)
                {
                    stream.Write(reply);
                }

                if (TakeDelayedAnswer() is { } answer)
                {
                    // Stands for the card's processing time on the RF side, not for synchronisation with the host.
                    Thread.Sleep(CardAnswerDelay);
                    stream.Write(answer);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The host closed its end (PTY hang-up): nothing left to serve.
        }
    }

    private byte[]? TakeDelayedAnswer()
    {
        lock (_gate)
        {
            var answer = _delayedAnswer;
            _delayedAnswer = null;
            return answer;
        }
    }

    private void Handle(Pn532Packet packet, List<byte> output)
    {
        switch (packet.Kind)
        {
            case Pn532PacketKind.Ack:
                _outgoingChain = [];
                return;
            case Pn532PacketKind.Nack:
                output.AddRange(_lastResponse);
                return;
            case Pn532PacketKind.Information when packet.FrameIdentifier == Pn532Frame.HostToPn532 && packet.Payload.Length > 0:
                break;
            default:
                return;
        }

        var fault = _nextFault;
        _nextFault = SimulatedPn532Fault.None;
        if (fault == SimulatedPn532Fault.NoAck)
        {
            return;
        }

        output.AddRange(Pn532Frame.Ack);
        if (fault == SimulatedPn532Fault.NoResponse)
        {
            return;
        }

        var command = packet.Payload[0];
        _commands.Add(command);
        var answer = fault == SimulatedPn532Fault.ErrorFrame ? null : Execute(command, packet.Payload[1..]);
        _lastResponse = answer is null ? Pn532Frame.ErrorFrame.ToArray() : Pn532Frame.Response(command, answer);
        if (command == Pn532Frame.InDataExchange && CardAnswerDelay > TimeSpan.Zero && _thread is not null)
        {
            _delayedAnswer = _lastResponse;
            return;
        }

        output.AddRange(fault == SimulatedPn532Fault.CorruptResponse && answer is not null ? Pn532Frame.CorruptResponse(command, answer) : _lastResponse);
    }

    private byte[]? Execute(byte command, byte[] data) => command switch
    {
        Pn532Frame.GetFirmwareVersion => [0x32, 0x01, 0x06, 0x07],
        Pn532Frame.SamConfiguration or Pn532Frame.RfConfiguration or Pn532Frame.SetParameters => [],
        Pn532Frame.InListPassiveTarget when data.Length >= 2 => ListTarget((Pn532Modulation)data[1]),
        Pn532Frame.InDataExchange when data.Length >= 1 => Exchange(data),
        Pn532Frame.InRelease => Release(),
        _ => null,
    };

    private byte[] ListTarget(Pn532Modulation modulation)
    {
        if (_card is not { } card || card.Modulation != modulation)
        {
            return [0x00];
        }

        _targetActive = true;
        var id = card.Identifier.ToArray();
        return modulation == Pn532Modulation.TypeA106
            ? [0x01, 0x01, 0x00, 0x04, 0x20, (byte)id.Length, .. id, 0x05, 0x78, 0x80, 0x70, 0x02]
            : [0x01, 0x01, 0x50, .. id, 0x00, 0x00, 0x00, 0x00, 0x80, 0x81, 0x71, 0x01, 0x00];
    }

    private byte[] Release()
    {
        _targetActive = false;
        return [0x00];
    }

    private byte[] Exchange(byte[] data)
    {
        if (_exchangesBeforeRemoval is { } left)
        {
            _exchangesBeforeRemoval = left - 1;
            if (left <= 0)
            {
                _card = null;
                _targetActive = false;
            }
        }

        if (_card is not { } card || !_targetActive)
        {
            return [Pn532Status.Timeout];
        }

        var target = data[0];
        if ((target & Pn532Status.MoreInformation) != 0)
        {
            _incomingChain.AddRange(data.AsSpan(1));
            return [0x00];
        }

        if (data.Length == 1 && _outgoingChain.Length > 0)
        {
            return NextAnswerChunk();
        }

        byte[] apdu = [.. _incomingChain, .. data.AsSpan(1)];
        _incomingChain.Clear();
        _outgoingChain = card.Chip.Transmit(apdu);
        return NextAnswerChunk();
    }

    private byte[] NextAnswerChunk()
    {
        var take = Math.Min(_maxAnswerChunk, _outgoingChain.Length);
        var chunk = _outgoingChain[..take];
        _outgoingChain = _outgoingChain[take..];
        return [_outgoingChain.Length > 0 ? Pn532Status.MoreInformation : (byte)0x00, .. chunk];
    }
}
