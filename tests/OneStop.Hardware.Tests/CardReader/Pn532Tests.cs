using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Nfc;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.CardReader;

/// <summary>The HSU handshake against <see cref="SimulatedPn532"/> on an in-memory stream (answers arrive as the command is written).</summary>
public class Pn532Tests
{
    private readonly SimulatedPn532 _device = new();
    private readonly ScriptedByteStream _stream = new();
    private readonly Pn532 _pn532;

    public Pn532Tests()
    {
        _stream.Respond = bytes => _device.Receive(bytes);
        _pn532 = new Pn532(_stream);
    }

    [Fact]
    public void WakeUp_ThenGetFirmwareVersion_SendsPreambleSamConfigurationAndFirmwareFrames()
    {
        _pn532.WakeUp();
        var firmware = _pn532.GetFirmwareVersion();

        // The HSU wake-up preamble as libnfc's pn532_uart.c sends it (0x55 0x55 and fourteen zeros, PN532 user
        // manual UM0701-02 §7.2.11), typed here rather than read from the product's constant.
        byte[] wakeUp = [0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        byte[] expected = [.. wakeUp, 0x00, 0x00, 0xFF, 0x05, 0xFB, 0xD4, 0x14, 0x01, 0x14, 0x01, 0x02, 0x00, 0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00];
        Assert.Equal(expected, _stream.Written);
        Assert.Equal(new Pn532FirmwareVersion(0x32, 0x01, 0x06, 0x07), firmware);
        Assert.Equal("PN532 v1.6", firmware.ToString());
    }

    [Fact]
    public void GetFirmwareVersion_Asleep_TimesOutWithoutAck()
    {
        var quick = new Pn532(_stream, new Pn532Timeouts { Ack = TimeSpan.FromMilliseconds(10) });

        var error = Assert.Throws<TimeoutException>(quick.GetFirmwareVersion);

        Assert.Contains("did not acknowledge", error.Message, StringComparison.Ordinal);
        Assert.False(_device.IsAwake);
    }

    [Fact]
    public void Execute_CorruptAnswer_NacksAndUsesTheRetransmission()
    {
        _pn532.WakeUp();
        _device.NextFault = SimulatedPn532Fault.CorruptResponse;

        var firmware = _pn532.GetFirmwareVersion();

        Assert.Equal(0x32, firmware.IntegratedCircuit);
        Assert.Equal(Pn532Frame.Nack.ToArray(), _stream.Written.TakeLast(6));
    }

    [Fact]
    public void Execute_ErrorFrame_ThrowsDeviceFault()
    {
        _pn532.WakeUp();
        _device.NextFault = SimulatedPn532Fault.ErrorFrame;

        var error = Assert.Throws<DeviceFaultException>(_pn532.GetFirmwareVersion);

        Assert.Contains("error frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UnknownCommand_ErrorFrameFromDevice()
    {
        _pn532.WakeUp();

        Assert.Throws<DeviceFaultException>(() => _pn532.Execute(0x7E, [], TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Execute_AckButNoAnswer_TimesOutAndAbortsWithAck()
    {
        _pn532.WakeUp();
        _device.NextFault = SimulatedPn532Fault.NoResponse;

        Assert.Throws<TimeoutException>(_pn532.GetFirmwareVersion);

        Assert.Equal(Pn532Frame.Ack.ToArray(), _stream.Written.TakeLast(6));
    }

    [Fact]
    public void InListPassiveTarget_NoCard_ReturnsNull()
    {
        _pn532.WakeUp();

        Assert.Null(_pn532.InListPassiveTarget(Pn532Modulation.TypeA106));
    }

    [Fact]
    public void InListPassiveTarget_TypeBCard_FoundOnlyWhenPollingTypeB()
    {
        _pn532.WakeUp();
        _device.PlaceCard(SimulatedContactlessCard.TypeB(SimulatedEmrtdChip.For(SimulatedIdCard.Specimen)));

        Assert.Null(_pn532.InListPassiveTarget(Pn532Modulation.TypeA106));
        var target = _pn532.InListPassiveTarget(Pn532Modulation.TypeB106);

        Assert.NotNull(target);
        Assert.Equal("4D617501", Convert.ToHexString(target.Identifier.Span));
        Assert.True(target.SupportsApdus);
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0x05, 0xFB, 0xD4, 0x4A, 0x01, 0x03, 0x00, 0xDE, 0x00 }, _stream.Written.TakeLast(12));
    }

    [Fact]
    public void InDataExchange_LongApduAndLongAnswer_ChainedWithMoreInformationBit()
    {
        var device = new SimulatedPn532(maxAnswerChunk: 16);
        var echo = new EchoChannel();
        device.PlaceCard(SimulatedContactlessCard.TypeA(echo));
        var stream = new ScriptedByteStream { Respond = bytes => device.Receive(bytes) };
        var pn532 = new Pn532(stream);
        pn532.WakeUp();
        var target = pn532.InListPassiveTarget(Pn532Modulation.TypeA106)!;
        var apdu = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var answer = pn532.InDataExchange(target.Number, apdu);

        Assert.Equal(apdu, echo.Last);
        Assert.Equal(apdu, answer);
        // 300 bytes out = 252 + 48 (two commands); 300 back in 16-byte pieces = the answer to the second plus 18 fetches.
        Assert.Equal(2 + 18, device.Commands.Count(c => c == Pn532Frame.InDataExchange));
    }

    [Fact]
    public void InDataExchange_CardGone_ThrowsCardNotAnswering()
    {
        _pn532.WakeUp();
        _device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(SimulatedIdCard.Specimen)));
        var target = _pn532.InListPassiveTarget(Pn532Modulation.TypeA106)!;
        _device.RemoveCard();

        var error = Assert.Throws<CardException>(() => _pn532.InDataExchange(target.Number, [0x00, 0x84, 0x00, 0x00, 0x08]));

        Assert.Equal(CardFailure.CardNotAnswering, error.Failure);
        Assert.Contains("removed", error.Message, StringComparison.Ordinal);
    }

    private sealed class EchoChannel : OneStop.Hardware.CardReader.Icao.IApduChannel
    {
        public byte[] Last { get; private set; } = [];

        public byte[] Transmit(ReadOnlySpan<byte> command)
        {
            Last = command.ToArray();
            return Last;
        }
    }
}
