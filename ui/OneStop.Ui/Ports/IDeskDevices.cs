namespace OneStop.Ui.Ports;

/// <summary>The node's peripherals as the desk uses them; role checks happen in the host's adapter.</summary>
public interface IDeskDevices
{
    Task<IReadOnlyList<DeskDeviceStatus>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Prints the appointment slip of a received dossier on the receipt printer.</summary>
    /// <param name="dossierId">The dossier.</param>
    /// <param name="statusUrl">What the slip's QR code opens: the resident status page.</param>
    /// <param name="cancellationToken">Cancels the wait, not a print already sent.</param>
    Task<DeskPrintResult> PrintSlipAsync(Guid dossierId, string statusUrl, CancellationToken cancellationToken = default);

    /// <summary>Drives a simulated device (training, demos, tests); false when that device runs a real driver.</summary>
    /// <param name="action">What to simulate.</param>
    /// <param name="value">The code to scan, or the battery percentage to set or drain.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<bool> SimulateAsync(DeviceSimulation action, string? value, CancellationToken cancellationToken = default);

    /// <summary>The last code the QR scanner read since the node started (a CCCD's QR fills the intake form).</summary>
    Task<string?> ReadLastScanAsync(CancellationToken cancellationToken = default);
}

public enum DeviceSimulation
{
    ScanCode,
    InsertIdCard,
    RemoveIdCard,
    SetBattery,
    DrainBattery,
    PaperOut,
    PaperIn,
}

/// <param name="DeviceId">Device id from the hardware configuration.</param>
/// <param name="Kind">printer, display, power, ...</param>
/// <param name="Connected">Last contact succeeded.</param>
/// <param name="LastError">Why the last operation failed.</param>
/// <param name="Simulated">A simulator stands in for the device.</param>
/// <param name="Details">Device-specific facts (paper, battery, documents printed).</param>
public sealed record DeskDeviceStatus(string DeviceId, string Kind, bool Connected, string? LastError, bool Simulated, IReadOnlyDictionary<string, string> Details);

public sealed record DeskPrintResult(bool Printed, string? Error);
