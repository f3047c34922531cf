using OneStop.Hardware.CardReader;

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
}
