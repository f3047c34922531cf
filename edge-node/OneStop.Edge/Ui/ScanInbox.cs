using OneStop.Hardware;
using OneStop.Hardware.Scanner;

namespace OneStop.Edge.Ui;

/// <summary>
/// Keeps the scanner's last code, so the intake form can fill a person's fields from a CCCD's QR scanned a moment
/// before. Only the last one: the desk scans one card at a time, and nothing personal piles up in memory.
/// </summary>
public sealed class ScanInbox : IDisposable
{
    private readonly DeviceSet _devices;
    private ScannedCode? _last;

    public ScanInbox(DeviceSet devices)
    {
        _devices = devices;
        _devices.Scanner.Scanned += OnScanned;
    }

    public ScannedCode? Last => Volatile.Read(ref _last);

    public void Dispose() => _devices.Scanner.Scanned -= OnScanned;

    private void OnScanned(object? sender, ScannedCode code) => Volatile.Write(ref _last, code);
}
