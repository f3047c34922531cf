using OneStop.Hardware.CardReader;
using OneStop.Hardware.Display;
using OneStop.Hardware.EnvironmentSensor;
using OneStop.Hardware.Health;
using OneStop.Hardware.Indicator;
using OneStop.Hardware.Power;
using OneStop.Hardware.Printer;
using OneStop.Hardware.Scanner;

namespace OneStop.Hardware;

/// <summary>
/// The node's peripherals, built once from <see cref="HardwareOptions"/>. Construction never touches hardware:
/// Linux drivers open their device on first use, so a missing device shows up in <see cref="ReadHealth"/>
/// and as failed results, never as a start-up crash.
/// </summary>
public sealed class DeviceSet : IDisposable
{
    private DeviceSet(
        IReceiptPrinter printer,
        IStatusDisplay display,
        IPowerMonitor power,
        IEnvironmentSensor environment,
        IIndicator indicator,
        IQrScanner scanner,
        IIdCardReader cardReader)
    {
        Printer = printer;
        Display = display;
        Power = power;
        Environment = environment;
        Indicator = indicator;
        Scanner = scanner;
        CardReader = cardReader;
        All = [printer, display, power, environment, indicator, scanner, cardReader];
    }

    public IReceiptPrinter Printer { get; }

    public IStatusDisplay Display { get; }

    public IPowerMonitor Power { get; }

    public IEnvironmentSensor Environment { get; }

    public IIndicator Indicator { get; }

    public IQrScanner Scanner { get; }

    public IIdCardReader CardReader { get; }

    public IReadOnlyList<IDevice> All { get; }

    /// <summary>Simulator controls for the device page; null when the real driver is configured.</summary>
    public SimulatedReceiptPrinter? PrinterSimulator => Printer as SimulatedReceiptPrinter;

    public SimulatedStatusDisplay? DisplaySimulator => Display as SimulatedStatusDisplay;

    public SimulatedPowerMonitor? PowerSimulator => Power as SimulatedPowerMonitor;

    public SimulatedEnvironmentSensor? EnvironmentSimulator => Environment as SimulatedEnvironmentSensor;

    public SimulatedIndicator? IndicatorSimulator => Indicator as SimulatedIndicator;

    public SimulatedQrScanner? ScannerSimulator => Scanner as SimulatedQrScanner;

    public SimulatedIdCardReader? CardReaderSimulator => CardReader as SimulatedIdCardReader;

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown driver name: a configuration error should stop start-up.</summary>
    public static DeviceSet Create(HardwareOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return new DeviceSet(
            DeviceFactory.CreatePrinter(options.Printer, time),
            DeviceFactory.CreateDisplay(options.Display, time),
            DeviceFactory.CreatePower(options.Power, time),
            DeviceFactory.CreateEnvironment(options.Environment, time),
            DeviceFactory.CreateIndicator(options.Indicator, time),
            DeviceFactory.CreateScanner(options.Scanner, time),
            DeviceFactory.CreateCardReader(options.CardReader, time));
    }

    public IReadOnlyList<DeviceHealth> ReadHealth() => [.. All.Select(device => device.ReadHealth())];

    public void Dispose()
    {
        foreach (var device in All.OfType<IDisposable>())
        {
            device.Dispose();
        }
    }
}
