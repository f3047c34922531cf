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
            return new EscPosPrinter("printer", () => LinuxSerialPort.Open(path, options.BaudRate), profile, time, font, options.QueryStatus);
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
            return new LcdStatusDisplay("display", () => LinuxI2cDevice.Open(options.I2cBus, options.I2cAddress), options.Columns, options.Rows, time);
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
            return new Ina219PowerMonitor("power", () => LinuxI2cDevice.Open(options.I2cBus, options.I2cAddress), options.ShuntOhms, options.MaxCurrentAmps, battery, options.LowBatteryPercent, time);
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
            return new Bme280EnvironmentSensor("environment", () => LinuxI2cDevice.Open(options.I2cBus, options.I2cAddress), time);
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
            return new GpioIndicator("indicator", () => IndicatorLines.Request(LinuxGpioChip.OpenByLabel(options.ChipLabel), options.GreenLine, options.RedLine, options.BuzzerLine), time);
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
            var scanner = new StreamQrScanner("scanner", () => LinuxSerialPort.Open(path, options.BaudRate), new SerialScanDecoder(), time);
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
            return new Pn532IdCardReader("card-reader", () => new Pn532(LinuxSerialPort.Open(path, options.BaudRate)), time);
        }

        throw UnknownDriver("CardReader", options.Driver);
    }

    private static ArgumentException UnknownDriver(string device, string driver) =>
        new($"Hardware:{device}:Driver '{driver}' is not a known driver for this device", nameof(driver));

    internal static string RequirePath(DeviceOptions options, string device) =>
        options.Path ?? throw new ArgumentException($"Hardware:{device}:Path is required for driver '{options.Driver}'", nameof(options));
}
