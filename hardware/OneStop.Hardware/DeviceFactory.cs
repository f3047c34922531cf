using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using OneStop.Hardware.Buses;
using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Nfc;
using OneStop.Hardware.Display;
using OneStop.Hardware.EnvironmentSensor;
using OneStop.Hardware.Indicator;
using OneStop.Hardware.Linux;
using OneStop.Hardware.Power;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Scanner;
using OneStop.Hardware.Text;

namespace OneStop.Hardware;

/// <summary>One method per device: options in, driver out. Device ids are the device kind, one of each per node.</summary>
internal static class DeviceFactory
{
    public static IReceiptPrinter CreatePrinter(PrinterOptions options, TimeProvider time)
    {
        var profile = PrinterProfile.ForWidth(options.PaperWidthMillimetres) with
        {
            VietnameseMode = options.VietnameseMode,
            CodeTable1258 = options.CodeTable1258,
            CodeTableTcvn3 = options.CodeTableTcvn3,
            SupportsQrCommand = options.SupportsQrCommand,
        };
        IBitmapFont? font = options.RasterFontPath is { } fontPath && File.Exists(fontPath) ? PsfFont.Load(fontPath) : null;
        if (options.IsSimulator)
        {
            return new SimulatedReceiptPrinter("printer", profile, time, font);
        }

        if (options.Is(DriverNames.File, DriverNames.Linux))
        {
            var path = RequirePath(options, "Printer");
            return new EscPosPrinter("printer", () => FileDescriptorStream.Open(path, FileAccess.ReadWrite), profile, time, font, options.QueryStatus);
        }

        if (options.Is(DriverNames.Serial))
        {
            var path = RequirePath(options, "Printer");
            return new EscPosPrinter("printer", () => SerialPortStream.Open(path, options.BaudRate), profile, time, font, options.QueryStatus);
        }

        if (options.Is(DriverNames.Tcp))
        {
            var host = options.Host ?? throw new ArgumentException("Hardware:Printer:Host is required for driver 'tcp'", nameof(options));
            return new EscPosPrinter("printer", () => TcpByteStream.Connect(host, options.Port, TimeSpan.FromSeconds(3)), profile, time, font, options.QueryStatus);
        }

        throw UnknownDriver("Printer", options.Driver);
    }

    public static IStatusDisplay CreateDisplay(DisplayOptions options, TimeProvider time)
    {
        if (options.IsSimulator)
        {
            return new SimulatedStatusDisplay("display", options.Columns, options.Rows, time);
        }

        if (options.Is(DriverNames.Pcf8574, DriverNames.Linux))
        {
            return new LcdStatusDisplay("display", () => OpenI2c(options), options.Columns, options.Rows, time);
        }

        throw UnknownDriver("Display", options.Driver);
    }

    public static IPowerMonitor CreatePower(PowerOptions options, TimeProvider time)
    {
        var battery = new BatteryModel(options.EmptyVolts, options.FullVolts);
        if (options.IsSimulator)
        {
            return new SimulatedPowerMonitor("power", battery, options.LowBatteryPercent, time);
        }

        if (options.Is(DriverNames.Ina219, DriverNames.Linux))
        {
            return new Ina219PowerMonitor("power", () => OpenI2c(options), options.ShuntOhms, options.MaxCurrentAmps, battery, options.LowBatteryPercent, time);
        }

        if (options.Is(DriverNames.Hwmon))
        {
            return new HwmonPowerMonitor("power", RequirePath(options, "Power"), battery, options.LowBatteryPercent, time);
        }

        throw UnknownDriver("Power", options.Driver);
    }

    public static IEnvironmentSensor CreateEnvironment(EnvironmentOptions options, TimeProvider time)
    {
        if (options.IsSimulator)
        {
            return new SimulatedEnvironmentSensor("environment", time);
        }

        if (options.Is(DriverNames.Bme280, DriverNames.Linux))
        {
            return new Bme280EnvironmentSensor("environment", () => OpenI2c(options), time);
        }

        if (options.Is(DriverNames.Iio))
        {
            return new IioEnvironmentSensor("environment", RequirePath(options, "Environment"), time);
        }

        throw UnknownDriver("Environment", options.Driver);
    }

    public static IIndicator CreateIndicator(IndicatorOptions options, TimeProvider time)
    {
        if (options.IsSimulator)
        {
            return new SimulatedIndicator("indicator", time);
        }

        if (options.Is(DriverNames.Gpio, DriverNames.Linux))
        {
            return new GpioIndicator("indicator", () => IndicatorLines.Open(OpenGpio(options.ChipLabel), options.GreenLine, options.RedLine, options.BuzzerLine), time);
        }

        throw UnknownDriver("Indicator", options.Driver);
    }

    public static IQrScanner CreateScanner(ScannerOptions options, TimeProvider time)
    {
        if (options.IsSimulator)
        {
            return new SimulatedQrScanner("scanner", time);
        }

        if (options.Is(DriverNames.Serial, DriverNames.Linux))
        {
            var path = RequirePath(options, "Scanner");
            var scanner = new StreamQrScanner("scanner", () => SerialPortStream.Open(path, options.BaudRate), new SerialScanDecoder(), time);
            scanner.Start();
            return scanner;
        }

        if (options.Is(DriverNames.Evdev))
        {
            var path = RequirePath(options, "Scanner");
            var scanner = new StreamQrScanner("scanner", () => EvdevDevice.OpenGrabbed(path), new EvdevScanDecoder(Linux.Interop.InputNative.InputEventSize), time);
            scanner.Start();
            return scanner;
        }

        throw UnknownDriver("Scanner", options.Driver);
    }

    public static IIdCardReader CreateCardReader(CardReaderOptions options, TimeProvider time)
    {
        if (options.IsSimulator)
        {
            return new SimulatedIdCardReader("card-reader", time);
        }

        if (options.Is(DriverNames.Pn532, DriverNames.Linux))
        {
            var path = RequirePath(options, "CardReader");
            return new Pn532IdCardReader("card-reader", () => new Pn532(SerialPortStream.Open(path, options.BaudRate)), time);
        }

        throw UnknownDriver("CardReader", options.Driver);
    }

    /// <summary>An absent <c>/dev/i2c-N</c> throws IOException here, inside the connection, so it becomes a health error, not a crash.</summary>
    private static I2cDevice OpenI2c(I2cDeviceOptions options) => I2cDevice.Create(new I2cConnectionSettings(options.I2cBus, options.I2cAddress));

    /// <summary>
    /// libgpiod on the chip with this label: chip numbers move between boards and kernels (Pi 5 after 6.6.45),
    /// labels (<c>pinctrl-bcm2711</c>, <c>pinctrl-rp1</c>) do not. A missing libgpiod or chip becomes an IOException
    /// inside the connection, so it shows as a health error instead of stopping the node.
    /// </summary>
    private static GpioController OpenGpio(string label)
    {
        IList<GpioChipInfo> chips;
        try
        {
            chips = LibGpiodDriver.GetAvailableChips();
        }
        catch (Exception exception) when (exception is DllNotFoundException or PlatformNotSupportedException or EntryPointNotFoundException)
        {
            throw new IOException($"libgpiod is not usable here (install libgpiod2): {exception.Message}", exception);
        }

        var chip = chips.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.Ordinal))
            ?? throw new IOException(chips.Count == 0
                ? $"no GPIO chip labelled '{label}': libgpiod found no chips"
                : $"no GPIO chip labelled '{label}' (found {string.Join(", ", chips.Select(c => $"{c.Name}={c.Label}"))})");
        return new GpioController(new LibGpiodDriver(chip));
    }

    private static ArgumentException UnknownDriver(string device, string driver) =>
        new($"Hardware:{device}:Driver '{driver}' is not a known driver for this device", nameof(driver));

    internal static string RequirePath(DeviceOptions options, string device) =>
        options.Path ?? throw new ArgumentException($"Hardware:{device}:Path is required for driver '{options.Driver}'", nameof(options));
}
