namespace OneStop.Hardware;

/// <summary>
/// Which driver each device uses and where it is. Bound from configuration (section "Hardware") by the edge host.
/// Every device defaults to its simulator, so development, CI and the demo need no hardware.
/// </summary>
public sealed class HardwareOptions
{
    public PrinterOptions Printer { get; set; } = new();

    public DisplayOptions Display { get; set; } = new();

    public PowerOptions Power { get; set; } = new();

    public EnvironmentOptions Environment { get; set; } = new();

    public IndicatorOptions Indicator { get; set; } = new();

    public ScannerOptions Scanner { get; set; } = new();

    public CardReaderOptions CardReader { get; set; } = new();

    public Clock.ClockOptions Clock { get; set; } = new();
}

public static class DriverNames
{
    public const string Simulator = "simulator";

    /// <summary>The device's usual Linux driver (the first one listed on its options class).</summary>
    public const string Linux = "linux";
    public const string File = "file";
    public const string Serial = "serial";
    public const string Tcp = "tcp";
    public const string Ina219 = "ina219";
    public const string Hwmon = "hwmon";
    public const string Pcf8574 = "pcf8574";
    public const string Bme280 = "bme280";
    public const string Iio = "iio";
    public const string Gpio = "gpio";
    public const string Evdev = "evdev";
    public const string Pn532 = "pn532";
    public const string Ds3231 = "ds3231";
}

public abstract class DeviceOptions
{
    public const string DefaultDriver = DriverNames.Simulator;

    /// <summary>Default "simulator".</summary>
    public string Driver { get; set; } = DefaultDriver;

    /// <summary>Device node; prefer stable names such as /dev/serial/by-id/... or /dev/input/by-id/...</summary>
    public string? Path { get; set; }

    internal bool IsSimulator => string.Equals(Driver, DriverNames.Simulator, StringComparison.OrdinalIgnoreCase);

    internal bool Is(params string[] names) => names.Any(name => string.Equals(Driver, name, StringComparison.OrdinalIgnoreCase));
}

public abstract class I2cDeviceOptions : DeviceOptions
{
    public const int DefaultBus = 1;

    /// <summary>/dev/i2c-N; default 1 (the Raspberry Pi header bus).</summary>
    public int I2cBus { get; set; } = DefaultBus;

    public abstract int I2cAddress { get; set; }
}

/// <summary>Drivers: "simulator", "file" or "linux" (Path, e.g. /dev/usb/lp0), "serial" (Path, BaudRate), "tcp" (Host, Port).</summary>
public sealed class PrinterOptions : DeviceOptions
{
    public const int DefaultPort = 9100;
    public const int DefaultBaudRate = 9600;
    public const int DefaultPaperWidth = 80;

    public string? Host { get; set; }

    /// <summary>Default 9100 (raw JetDirect).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Default 9600, the usual factory setting of serial receipt printers.</summary>
    public int BaudRate { get; set; } = DefaultBaudRate;

    /// <summary>58 or 80; default 80.</summary>
    public int PaperWidthMillimetres { get; set; } = DefaultPaperWidth;

    /// <summary>Default raster: the only mode every printer prints correctly.</summary>
    public Printer.VietnameseTextMode VietnameseMode { get; set; } = Printer.VietnameseTextMode.Raster;

    /// <summary>ESC t number of Windows-1258 on this printer; default 52 (Epson), 94 on some clones.</summary>
    public int CodeTable1258 { get; set; } = Printer.PrinterProfile.EpsonCodeTable1258;

    /// <summary>ESC t number of TCVN3 (VN3) on this printer; default 30 (Epson "TCVN-3-1"), 27 on some clones.</summary>
    public int CodeTableTcvn3 { get; set; } = Printer.PrinterProfile.EpsonCodeTableTcvn3;

    /// <summary>Default true; false for printers without GS ( k, whose QR is then sent as a raster image.</summary>
    public bool SupportsQrCommand { get; set; } = true;

    /// <summary>Default true: ask DLE EOT for paper and cover state; false for one-way links (plain files, printers that never answer).</summary>
    public bool QueryStatus { get; set; } = true;

    /// <summary>Optional PSF2 console font for raster text, e.g. /usr/share/consolefonts/Uni2-Fixed16.psf.gz; unset = the built-in Vietnamese font.</summary>
    public string? RasterFontPath { get; set; }
}

/// <summary>Drivers: "simulator", "pcf8574" or "linux" (HD44780 behind a PCF8574 backpack).</summary>
public sealed class DisplayOptions : I2cDeviceOptions
{
    public const int DefaultAddress = 0x27;

    /// <summary>Default 0x27 (PCF8574; PCF8574A boards use 0x3F).</summary>
    public override int I2cAddress { get; set; } = DefaultAddress;

    public int Columns { get; set; } = 16;

    public int Rows { get; set; } = 2;
}

/// <summary>Drivers: "simulator", "ina219" or "linux" (I2C registers), "hwmon" (Path = the hwmon directory of the ina2xx driver).</summary>
public sealed class PowerOptions : I2cDeviceOptions
{
    public const int DefaultAddress = 0x40;

    /// <summary>Default 0x40.</summary>
    public override int I2cAddress { get; set; } = DefaultAddress;

    /// <summary>Default 0.1 Ω, the shunt on common INA219 boards.</summary>
    public double ShuntOhms { get; set; } = 0.1;

    /// <summary>Default 3.2 A, the full scale of a 0.1 Ω shunt at 320 mV.</summary>
    public double MaxCurrentAmps { get; set; } = 3.2;

    /// <summary>Default 3.0 V (one Li-ion cell, empty under load).</summary>
    public double EmptyVolts { get; set; } = 3.0;

    /// <summary>Default 4.2 V (one Li-ion cell, full).</summary>
    public double FullVolts { get; set; } = 4.2;

    /// <summary>Default 15 %.</summary>
    public double LowBatteryPercent { get; set; } = 15;

    /// <summary>Run by the host after a clean stop on low battery; default "systemctl poweroff".</summary>
    public string ShutdownCommand { get; set; } = "systemctl poweroff";
}

/// <summary>Drivers: "simulator", "bme280" or "linux" (I2C registers), "iio" (Path = the IIO device directory of the bmp280 driver).</summary>
public sealed class EnvironmentOptions : I2cDeviceOptions
{
    public const int DefaultAddress = 0x76;

    /// <summary>Default 0x76 (SDO low; 0x77 with SDO high).</summary>
    public override int I2cAddress { get; set; } = DefaultAddress;
}

/// <summary>Drivers: "simulator", "gpio" or "linux" (/dev/gpiochip* uAPI v2, chip found by label).</summary>
public sealed class IndicatorOptions : DeviceOptions
{
    /// <summary>Default pinctrl-bcm2711 (Pi 4); pinctrl-rp1 on a Pi 5.</summary>
    public string ChipLabel { get; set; } = "pinctrl-bcm2711";

    public int GreenLine { get; set; } = 17;

    public int RedLine { get; set; } = 27;

    public int BuzzerLine { get; set; } = 22;
}

/// <summary>Drivers: "simulator", "serial" or "linux" (CDC-ACM, Path = /dev/serial/by-id/...), "evdev" (Path = /dev/input/by-id/...-event-kbd).</summary>
public sealed class ScannerOptions : DeviceOptions
{
    public int BaudRate { get; set; } = 115200;
}

/// <summary>Drivers: "simulator", "pn532" or "linux" (PN532 over HSU, Path = the UART or USB-serial adapter).</summary>
public sealed class CardReaderOptions : DeviceOptions
{
    public int BaudRate { get; set; } = 115200;
}
