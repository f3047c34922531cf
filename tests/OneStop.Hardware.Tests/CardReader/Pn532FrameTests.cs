using OneStop.Hardware.CardReader.Nfc;

namespace OneStop.Hardware.Tests.CardReader;

public class Pn532FrameTests
{
    [Fact]
    public void Command_GetFirmwareVersion_MatchesUserManual()
    {
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00 }, Pn532Frame.Command(Pn532Frame.GetFirmwareVersion, []));
    }

    [Fact]
    public void Command_SamConfigurationNormalMode_MatchesUserManual()
    {
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0x05, 0xFB, 0xD4, 0x14, 0x01, 0x14, 0x01, 0x02, 0x00 }, Pn532Frame.Command(Pn532Frame.SamConfiguration, [0x01, 0x14, 0x01]));
    }

    [Fact]
    public void Command_InListPassiveTargetTypeA_MatchesUserManual()
    {
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0x04, 0xFC, 0xD4, 0x4A, 0x01, 0x00, 0xE1, 0x00 }, Pn532Frame.Command(Pn532Frame.InListPassiveTarget, [0x01, 0x00]));
    }

    [Fact]
    public void TryParse_FirmwareResponseInTwoChunks_NeedsMoreThenParses()
    {
        var frame = Pn532Frame.Response(Pn532Frame.GetFirmwareVersion, [0x32, 0x01, 0x06, 0x07]);

        Assert.False(Pn532Frame.TryParse(frame.AsSpan(0, 7), out _, out _, out _));
        Assert.True(Pn532Frame.TryParse(frame, out var tfi, out var payload, out var consumed));

        Assert.Equal(Pn532Frame.Pn532ToHost, tfi);
        Assert.Equal(new byte[] { 0x03, 0x32, 0x01, 0x06, 0x07 }, payload);
        Assert.Equal(frame.Length, consumed);
    }

    [Fact]
    public void TryParse_CorruptedDataChecksum_Throws()
    {
        var frame = Pn532Frame.Command(Pn532Frame.InDataExchange, [0x01, 0x00, 0x84, 0x00, 0x00, 0x08]);
        frame[^2] ^= 0x01;

        Assert.Throws<InvalidDataException>(() => Pn532Frame.TryParse(frame, out _, out _, out _));
    }

    [Theory]
    [InlineData("0000FF00FF00", Pn532PacketKind.Ack)]
    [InlineData("0000FFFF0000", Pn532PacketKind.Nack)]
    [InlineData("0000FF01FF7F8100", Pn532PacketKind.Error)]
    [InlineData("0000FF02FED5032900", Pn532PacketKind.Corrupt)]
    public void TryDecode_ControlAndErrorFrames_Classified(string hex, Pn532PacketKind expected)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.True(Pn532Frame.TryDecode(bytes, out var packet, out var consumed));

        Assert.Equal(expected, packet.Kind);
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void TryDecode_AckThenResponseWithNoiseBefore_ReadsBothInOrder()
    {
        byte[] wire = [0x55, 0x13, .. Pn532Frame.Ack, .. Pn532Frame.Response(Pn532Frame.SamConfiguration, [])];

        Assert.True(Pn532Frame.TryDecode(wire, out var ack, out var first));
        Assert.True(Pn532Frame.TryDecode(wire.AsSpan(first), out var response, out _));

        Assert.Equal(Pn532PacketKind.Ack, ack.Kind);
        Assert.Equal(Pn532PacketKind.Information, response.Kind);
        Assert.Equal(new byte[] { 0x15 }, response.Payload);
    }

    [Fact]
    public void TryDecode_ExtendedFrame_ReadsLongPayload()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var length = data.Length + 2;
        var sum = 0xD5 + 0x41 + data.Sum(b => b);
        byte[] frame = [0x00, 0x00, 0xFF, 0xFF, 0xFF, (byte)(length >> 8), (byte)length, (byte)-((length >> 8) + (length & 0xFF)), 0xD5, 0x41, .. data, (byte)-sum, 0x00];

        Assert.True(Pn532Frame.TryDecode(frame, out var packet, out var consumed));

        Assert.Equal(Pn532PacketKind.Information, packet.Kind);
        Assert.Equal([0x41, .. data], packet.Payload);
        Assert.Equal(frame.Length, consumed);
    }

    [Fact]
    public void TryDecode_NoStartCode_KeepsTrailingZero()
    {
        Assert.False(Pn532Frame.TryDecode([0x12, 0x34, 0x00], out _, out var consumed));

        Assert.Equal(2, consumed);
    }
}
