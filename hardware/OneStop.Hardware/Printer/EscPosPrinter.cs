using OneStop.Hardware.Buses;
using OneStop.Hardware.Health;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>
/// ESC/POS over any byte stream: <c>/dev/usb/lp0</c>, a serial port or TCP 9100. Status needs a printer that
/// answers <c>DLE EOT</c>; a one-way link simply reports "status unknown" and printing still works.
/// </summary>
public sealed class EscPosPrinter : IReceiptPrinter, IDisposable
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromMilliseconds(300);
    private readonly DeviceConnection<IByteStream> _connection;
    private readonly HealthTracker _health;
    private readonly IBitmapFont? _rasterFont;
    private readonly bool _queryStatus;

    /// <summary>Pass queryStatus false for one-way sinks (a plain file, a printer that never answers) so no DLE EOT bytes are sent.</summary>
    public EscPosPrinter(string deviceId, Func<IByteStream> open, PrinterProfile profile, TimeProvider time, IBitmapFont? rasterFont = null, bool queryStatus = true)
    {
        _queryStatus = queryStatus;
        DeviceId = deviceId;
        Profile = profile;
        _rasterFont = rasterFont;
        _connection = new DeviceConnection<IByteStream>(open);
        _health = new HealthTracker(deviceId, DeviceKinds.Printer, time);
        _health.SetDetail("profile", profile.Name);
    }

    public string DeviceId { get; }

    public PrinterProfile Profile { get; private set; }

    public void UsePaper(int paperWidthMillimetres) => Profile = Profile.OnPaper(paperWidthMillimetres);

    public DeviceResult Print(ReceiptDocument document)
    {
        var bytes = EscPosReceiptRenderer.Render(document, Profile, _rasterFont);
        if (TryReadStatus(out var status) && (status.PaperOut || status.CoverOpen || !status.Online))
        {
            var problem = status.PaperOut ? "paper out" : status.CoverOpen ? "cover open" : "printer offline";
            _health.Failed(problem, connected: true);
            return DeviceResult.Fail(problem);
        }

        return DeviceGuard.Run(_health, () => _connection.Use(stream => stream.Write(bytes)));
    }

    public bool TryReadStatus(out PrinterStatus status)
    {
        PrinterStatus? read = null;
        if (!_queryStatus)
        {
            status = default;
            return false;
        }

        var result = DeviceGuard.Run(_health, () => read = _connection.Use(QueryStatus));
        status = read ?? default;
        if (result.Succeeded && read is { } known)
        {
            _health.SetDetail("paper", known.PaperOut ? "out" : known.PaperNearEnd ? "near end" : "ok");
        }
        else if (result.Succeeded)
        {
            _health.SetDetail("paper", "unknown");
        }

        return read is not null;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    /// <summary>DLE EOT 1 (printer), 2 (offline cause), 4 (paper sensor); null when the link is one-way.</summary>
    internal static PrinterStatus? QueryStatus(IByteStream stream)
    {
        Span<byte> reply = stackalloc byte[1];
        stream.Write(EscPos.TransmitStatus(1));
        try
        {
            if (!stream.TryReadExactly(reply, StatusTimeout))
            {
                return null;
            }
        }
        catch (EndOfStreamException)
        {
            // A sink that cannot answer (regular file, one-way port) reads as end of stream, not as a fault.
            return null;
        }

        var printer = reply[0];
        stream.Write(EscPos.TransmitStatus(2));
        var offline = stream.TryReadExactly(reply, StatusTimeout) ? reply[0] : (byte)0;
        stream.Write(EscPos.TransmitStatus(4));
        var paper = stream.TryReadExactly(reply, StatusTimeout) ? reply[0] : (byte)0;
        return new PrinterStatus(
            Online: (printer & 0x08) == 0,
            CoverOpen: (offline & 0x04) != 0,
            PaperNearEnd: (paper & 0x0C) != 0,
            PaperOut: (paper & 0x60) != 0 || (offline & 0x20) != 0);
    }
}
