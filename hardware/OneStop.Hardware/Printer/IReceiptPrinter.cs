namespace OneStop.Hardware.Printer;

public interface IReceiptPrinter : IDevice
{
    PrinterProfile Profile { get; }

    DeviceResult Print(ReceiptDocument document);

    /// <summary>The roll now in the printer (58 or 80 mm), from the node's settings; what prints next is laid out for it.</summary>
    void UsePaper(int paperWidthMillimetres);

    /// <summary>False when the printer cannot answer (one-way USB printers, unplugged).</summary>
    bool TryReadStatus(out PrinterStatus status);
}
