using OneStop.Hardware.Printer;
using OneStop.Hardware.Tests.Support;

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
        using var devices = DeviceSet.Create(options, new ManualTimeProvider());

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

        var error = Assert.Throws<ArgumentException>(() => DeviceSet.Create(options, new ManualTimeProvider()));

        Assert.Contains("Hardware:Printer:Path", error.Message, StringComparison.Ordinal);
    }
}
