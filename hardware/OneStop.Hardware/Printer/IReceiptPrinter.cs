namespace OneStop.Hardware.Printer;

public interface IReceiptPrinter : IDevice
{
    PrinterProfile Profile { get; }

    DeviceResult Print(ReceiptDocument document);

    /// <summary>False when the printer cannot answer (one-way USB printers, unplugged).</summary>
    bool TryReadStatus(out PrinterStatus status);
}
