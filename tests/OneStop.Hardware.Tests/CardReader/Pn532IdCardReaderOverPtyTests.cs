using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.Buses;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Nfc;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Linux;

namespace OneStop.Hardware.Tests.CardReader;

/// <summary>
/// The whole read as deployed: driver on a tty in raw mode, the simulated PN532 on the PTY master, the simulated
/// chip behind it running BAC and secure messaging.
/// </summary>
public sealed class Pn532IdCardReaderOverPtyTests : IDisposable
{
    // Generous: a loaded CI machine may schedule the simulator thread late; a timeout here would be a false failure.
    private static readonly Pn532Timeouts Timeouts = new() { Ack = TimeSpan.FromSeconds(5), Response = TimeSpan.FromSeconds(5), CardResponse = TimeSpan.FromSeconds(5) };

    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SimulatedPn532 _device = new();
    private readonly Pn532IdCardReader _reader;
    private readonly FileDescriptorStream _slaveHeldOpen;

    public Pn532IdCardReaderOverPtyTests()
    {
        // The master sees a hang-up whenever no slave fd is open, and the simulator stops serving on hang-up; holding
        // one open lets the reader close and reopen the port after a fault, as it does with a real UART.
        _slaveHeldOpen = FileDescriptorStream.Open(_pty.SlavePath, FileAccess.ReadWrite);
        _device.Serve(_pty.Master);
        _reader = new Pn532IdCardReader("card-reader", () => new Pn532(SerialPortStream.Open(_pty.SlavePath, 115200), Timeouts), new FakeTimeProvider());
    }

    [Fact]
    public void ReadCard_VietnameseSpecimen_ReturnsMrzAndDg13Fields()
    {
        var card = SimulatedIdCard.VietnameseSpecimen;
        _device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(card)));

        var result = _reader.ReadCard(card.Key);

        Assert.True(result.Succeeded, result.Error);
        var data = result.Value!;
        Assert.Equal("090012345", data.DocumentNumber);
        Assert.Equal("NGUYEN", data.Surname);
        Assert.Equal("VAN MAU", data.GivenNames);
        Assert.Equal("VNM", data.Nationality);
        Assert.Equal("900517", data.DateOfBirth);
        Assert.Equal("001090012345", data.OptionalData);
        Assert.Equal([1, 13], data.DataGroups);
        var details = data.VietnameseDetails!;
        Assert.Equal("001090012345", details.IdNumber);
        Assert.Equal("Nguyễn Văn Mẫu", details.FullName);
        Assert.Equal("Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội", details.PlaceOfResidence);
        Assert.Equal("Nguyễn Văn Cha", details.FatherName);
        Assert.Equal("Trần Thị Mẹ", details.MotherName);
        Assert.Equal("012345678", details.OldIdNumber);
        Assert.Equal(card.Data.Dg13Texts, data.Dg13Texts);
        var health = _reader.ReadHealth();
        Assert.True(health.Connected);
        Assert.Equal("PN532 v1.6", health.Details["firmware"]);
        Assert.Equal(
            [Pn532Frame.SamConfiguration, Pn532Frame.GetFirmwareVersion, Pn532Frame.RfConfiguration, Pn532Frame.InListPassiveTarget],
            _device.Commands.Take(4));
        Assert.Equal(Pn532Frame.InRelease, _device.Commands[^1]);
    }

    [Fact]
    public void ReadCard_TypeBCard_FoundAfterTypeAPoll()
    {
        _device.PlaceCard(SimulatedContactlessCard.TypeB(SimulatedEmrtdChip.For(SimulatedIdCard.Specimen)));

        var result = _reader.ReadCard(SimulatedIdCard.Specimen.Key);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("ERIKSSON", result.Value!.Surname);
        Assert.Equal("ANNA MARIA", result.Value.GivenNames);
        Assert.Null(result.Value.VietnameseDetails);
    }

    [Fact]
    public void ReadCard_WrongMrz_FailsWithAccessDeniedAndReaderStaysConnected()
    {
        var card = SimulatedIdCard.VietnameseSpecimen;
        _device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(card)));

        var result = _reader.ReadCard(card.Key with { DateOfBirth = "900518" });

        Assert.False(result.Succeeded);
        Assert.StartsWith("access denied", result.Error, StringComparison.Ordinal);
        var health = _reader.ReadHealth();
        Assert.True(health.Connected);
        Assert.Equal(result.Error, health.LastError);

        var retry = _reader.ReadCard(card.Key);
        Assert.True(retry.Succeeded, retry.Error);
        Assert.Null(_reader.ReadHealth().LastError);
    }

    [Fact]
    public void ReadCard_CardRemovedMidRead_FailsWithClearMessage()
    {
        var card = SimulatedIdCard.VietnameseSpecimen;
        _device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(card)));
        _device.RemoveCardAfter(6);

        var result = _reader.ReadCard(card.Key);

        Assert.False(result.Succeeded);
        Assert.Contains("did not answer", result.Error, StringComparison.Ordinal);
        Assert.True(_reader.ReadHealth().Connected);
    }

    [Fact]
    public void ReadCard_NoCard_FailsWithoutRecordingAnError()
    {
        var result = _reader.ReadCard(SimulatedIdCard.Specimen.Key);

        Assert.False(result.Succeeded);
        Assert.Equal("no card on the reader", result.Error);
        Assert.Null(_reader.ReadHealth().LastError);
    }

    [Fact]
    public void ReadCard_ReaderSilent_FailsAsDisconnectedThenRecoversWhenItAnswers()
    {
        // Only the first connection gets the short ACK timeout that makes the silent reader fail fast; the
        // reconnection uses the normal timeouts, or a loaded CI machine could miss a 50 ms window there too.
        var opened = 0;
        var quick = new Pn532IdCardReader(
            "card-reader",
            () => new Pn532(SerialPortStream.Open(_pty.SlavePath, 115200), Interlocked.Increment(ref opened) == 1 ? Timeouts with { Ack = TimeSpan.FromMilliseconds(50) } : Timeouts),
            new FakeTimeProvider());
        _device.NextFault = SimulatedPn532Fault.NoAck;

        var first = quick.ReadCard(SimulatedIdCard.Specimen.Key);

        Assert.False(first.Succeeded);
        Assert.Contains("did not acknowledge", first.Error, StringComparison.Ordinal);
        Assert.False(quick.ReadHealth().Connected);
        _device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(SimulatedIdCard.Specimen)));
        var second = quick.ReadCard(SimulatedIdCard.Specimen.Key);
        Assert.True(second.Succeeded, second.Error);
        quick.Dispose();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _slaveHeldOpen.Dispose();
        _device.Dispose();
        _pty.Dispose();
    }
}
