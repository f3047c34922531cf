using Iot.Device.Card;
using Iot.Device.Pn532.ListPassive;
using OneStop.Hardware.Buses;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Nfc;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Linux;

namespace OneStop.Hardware.Tests.CardReader;

/// <summary>Run alone: both drivers are timed against a simulated card, and the other classes' load would blur it.</summary>
[CollectionDefinition(nameof(SerialTimingCollection), DisableParallelization = true)]
public sealed class SerialTimingCollection;

/// <summary>
/// Why the card reader keeps its own PN532 HSU driver instead of Iot.Device.Bindings' Pn532 (4.2.0): on a serial
/// link the binding waits for an answer 89 times 1 ms (its port's ReadTimeout; the public ReadTimeOut only reaches
/// I2C), then reports -1. An ISO 14443-4 card may stretch its answer to seconds with waiting-time extensions
/// (FWT up to 4.9 s at FWI 14, ISO/IEC 14443-4 §7.2), which the PN532 handles itself and only then answers the host.
/// </summary>
[Collection(nameof(SerialTimingCollection))]
public sealed class Pn532BindingComparisonTests
{
    /// <summary>SELECT of the eMRTD application, AID A0 00 00 02 47 10 01 (ICAO 9303-10 §3.6.2); allowed before BAC.</summary>
    private static readonly byte[] SelectLdsApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    private static readonly TimeSpan SlowCard = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void InDataExchange_CardAnswersAfterWaitingTimeExtension_OursWaitsBindingGivesUp()
    {
        using var oursLink = PseudoTerminal.Open();
        using var oursDevice = SlowCardOn(oursLink);
        using var ours = new Pn532(SerialPortStream.Open(oursLink.SlavePath, 115200), new Pn532Timeouts { Ack = TimeSpan.FromSeconds(5), Response = TimeSpan.FromSeconds(5), CardResponse = TimeSpan.FromSeconds(5) });
        ours.WakeUp();
        var target = ours.InListPassiveTarget(Pn532Modulation.TypeA106);
        Assert.NotNull(target);

        var oursAnswer = ours.InDataExchange(target.Number, SelectLdsApplication);

        Assert.Equal(new byte[] { 0x90, 0x00 }, oursAnswer);

        var (bindingLink, bindingDevice, binding) = OpenBinding();
        using var bindingLinkOwner = bindingLink;
        using var bindingDeviceOwner = bindingDevice;
        using var bindingOwner = binding;
        binding.ReadTimeOut = 5000;
        var listed = binding.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        Assert.NotNull(listed);
        var answer = new byte[264];

        var bindingLength = binding.Transceive(listed[1], SelectLdsApplication, answer, NfcProtocol.Iso14443_4);

        Assert.Equal(-1, bindingLength);
    }

    /// <summary>
    /// The binding's constructor wakes the chip and reads its firmware version within waits of its own that no
    /// setting reaches; on a loaded machine the simulator behind the pseudo-terminal can answer later than that
    /// (seen on a run with 70 runnable threads on 2 cores: "Can't find a PN532"). Start-up is not what this test
    /// compares, so a start-up miss is retried on a fresh link.
    /// </summary>
    private static (PseudoTerminal Link, SimulatedPn532 Device, Iot.Device.Pn532.Pn532 Binding) OpenBinding()
    {
        for (var attempt = 1; ; attempt++)
        {
            var link = PseudoTerminal.Open();
            var device = SlowCardOn(link);
            try
            {
                return (link, device, new Iot.Device.Pn532.Pn532(link.SlavePath));
            }
            catch (Exception ex) when (attempt < 5 && ex.Message.Contains("Can't find a PN532", StringComparison.Ordinal))
            {
                device.Dispose();
                link.Dispose();
            }
        }
    }

    private static SimulatedPn532 SlowCardOn(PseudoTerminal link)
    {
        var device = new SimulatedPn532 { CardAnswerDelay = SlowCard };
        device.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(SimulatedIdCard.VietnameseSpecimen)));
        device.Serve(link.Master);
        return device;
    }
}
