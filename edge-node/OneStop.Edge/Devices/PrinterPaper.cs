using OneStop.Core.Nodes;
using OneStop.Edge.Nodes;
using OneStop.Hardware;

namespace OneStop.Edge.Devices;

/// <summary>
/// Puts the roll the node's settings name (printer_profile) on the printer before each print, so a commune that
/// swaps a 58 mm printer for an 80 mm one changes it on the settings page (or the province does from the console)
/// and the next slip is laid out for it, without a restart. Read fresh each time: a print is rare, a wrong width
/// cuts the slip off.
/// </summary>
public sealed class PrinterPaper(EdgeNodeSettings settings, DeviceSet devices)
{
    /// <summary>Prints on the roll the settings name; the driver blocks on a serial port or a socket, so off the request thread.</summary>
    public async Task<DeviceResult> PrintAsync(Hardware.Printer.ReceiptDocument document, CancellationToken cancellationToken)
    {
        await ApplyAsync(cancellationToken);
        return await Task.Run(() => devices.Printer.Print(document), cancellationToken);
    }

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var (values, _) = await settings.ReadAsync(cancellationToken);
        if (NodeConfigFields.PaperWidthMillimetres(values.GetValueOrDefault(NodeConfigFields.PrinterProfile)) is { } width)
        {
            devices.Printer.UsePaper(width);
        }
    }
}
