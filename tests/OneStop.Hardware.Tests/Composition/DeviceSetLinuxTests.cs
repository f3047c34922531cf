using Microsoft.Extensions.Time.Testing;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Linux;
using OneStop.Hardware.Printer;

namespace OneStop.Hardware.Tests.Composition;

public class DeviceSetLinuxTests
{
    [Fact]
    public void Create_LinuxDriversWithoutHardware_DegradesToFailedResultsAndHealth()
    {
        var options = new HardwareOptions
        {
            Printer = { Driver = "file", Path = "/dev/usb/lp-absent" },
            Display = { Driver = "linux", I2cBus = 97 },
            Power = { Driver = "ina219", I2cBus = 97 },
            Environment = { Driver = "bme280", I2cBus = 97 },
            Indicator = { Driver = "gpio", ChipLabel = "pinctrl-absent" },
        };
        using var devices = DeviceSet.Create(options, new FakeTimeProvider());

        Assert.False(devices.Printer.Print(new ReceiptDocument { TitleLines = ["x"] }).Succeeded);
        Assert.False(devices.Display.Show(["a", "b"]).Succeeded);
        Assert.False(devices.Power.TryRead(out _));
        Assert.False(devices.Environment.TryRead(out _));
        Assert.False(devices.Indicator.Signal(OneStop.Hardware.Indicator.IndicatorSignal.Ready).Succeeded);

        var failing = devices.ReadHealth().Where(h => !h.Connected).Select(h => h.DeviceId).ToArray();
        Assert.Equal(["printer", "display", "power", "environment", "indicator"], failing);
        Assert.All(devices.ReadHealth().Where(h => !h.Connected), h => Assert.False(string.IsNullOrEmpty(h.LastError)));
    }

    [Fact]
    public void Create_FileDriverWithoutPath_ThrowsNamingSetting()
    {
        var options = new HardwareOptions { Printer = { Driver = "file" } };

        var error = Assert.Throws<ArgumentException>(() => DeviceSet.Create(options, new FakeTimeProvider()));

        Assert.Contains("Hardware:Printer:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Pn532OnAbsentPort_ReadFailsAndHealthSaysWhy()
    {
        var options = new HardwareOptions { CardReader = { Driver = "pn532", Path = "/dev/serial/by-id/usb-absent-pn532-if00-port0" } };
        using var devices = DeviceSet.Create(options, new FakeTimeProvider());

        var result = devices.CardReader.ReadCard(SimulatedIdCard.Specimen.Key);

        Assert.False(result.Succeeded);
        Assert.Contains("usb-absent-pn532", result.Error, StringComparison.Ordinal);
        Assert.False(devices.CardReader.ReadHealth().Connected);
        Assert.Null(devices.CardReaderSimulator);
    }

    [Fact]
    public void Create_Pn532OnPseudoTerminal_ReadsSimulatedCardEndToEnd()
    {
        using var pty = PseudoTerminal.Open();
        using var pn532 = new SimulatedPn532();
        pn532.PlaceCard(SimulatedContactlessCard.TypeA(SimulatedEmrtdChip.For(SimulatedIdCard.VietnameseSpecimen)));
        pn532.Serve(pty.Master);
        var options = new HardwareOptions { CardReader = { Driver = "pn532", Path = pty.SlavePath } };
        using var devices = DeviceSet.Create(options, new FakeTimeProvider());

        var result = devices.CardReader.ReadCard(SimulatedIdCard.VietnameseSpecimen.Key);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("001090012345", result.Value!.VietnameseDetails!.IdNumber);
        Assert.Equal("pn532", devices.CardReader.ReadHealth().Details["driver"]);
    }
}
