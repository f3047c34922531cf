using OneStop.Hardware.Health;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer;

/// <summary>
/// Renders exactly what the real driver would send and keeps it, so the device page can show the slips
/// and tests can inspect the bytes. Paper-out and unplug are switchable to rehearse failures.
/// </summary>
public sealed class SimulatedReceiptPrinter : IReceiptPrinter
{
    private const int MaxKeptDocuments = 50;
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private readonly List<ReceiptDocument> _documents = [];
    private readonly MemoryStream _captured = new();
    private bool _connected = true;
    private readonly IBitmapFont? _rasterFont;
    private bool _paperOut;

    public SimulatedReceiptPrinter(string deviceId, PrinterProfile profile, TimeProvider time, IBitmapFont? rasterFont = null)
    {
        _rasterFont = rasterFont;
        DeviceId = deviceId;
        Profile = profile;
        _health = new HealthTracker(deviceId, DeviceKinds.Printer, time);
        _health.SetDetail("driver", "simulator");
        _health.SetDetail("paper", "ok");
        _health.Succeeded();
    }

    public string DeviceId { get; }

    public PrinterProfile Profile { get; private set; }

    public void UsePaper(int paperWidthMillimetres) => Profile = Profile.OnPaper(paperWidthMillimetres);

    public IReadOnlyList<ReceiptDocument> Documents
    {
        get
        {
            lock (_gate)
            {
                return [.. _documents];
            }
        }
    }

    public ReceiptDocument? LastDocument
    {
        get
        {
            lock (_gate)
            {
                return _documents.Count == 0 ? null : _documents[^1];
            }
        }
    }

    public byte[] CapturedBytes
    {
        get
        {
            lock (_gate)
            {
                return _captured.ToArray();
            }
        }
    }

    public void SetPaperOut(bool paperOut)
    {
        lock (_gate)
        {
            _paperOut = paperOut;
            _health.SetDetail("paper", paperOut ? "out" : "ok");
        }
    }

    public void SetConnected(bool connected)
    {
        lock (_gate)
        {
            _connected = connected;
            if (connected)
            {
                _health.Succeeded();
            }
            else
            {
                _health.Failed("printer unplugged (simulated)");
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _documents.Clear();
            _captured.SetLength(0);
        }
    }

    public DeviceResult Print(ReceiptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            if (!_connected)
            {
                _health.Failed("printer unplugged (simulated)");
                return DeviceResult.Fail("printer unplugged (simulated)");
            }

            if (_paperOut)
            {
                _health.Failed("paper out", connected: true);
                return DeviceResult.Fail("paper out");
            }

            _captured.Write(EscPosReceiptRenderer.Render(document, Profile, _rasterFont));
            _documents.Add(document);
            if (_documents.Count > MaxKeptDocuments)
            {
                _documents.RemoveAt(0);
            }

            _health.Succeeded();
            _health.SetDetail("printed", _documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return DeviceResult.Ok;
        }
    }

    public bool TryReadStatus(out PrinterStatus status)
    {
        lock (_gate)
        {
            status = new PrinterStatus(_connected, CoverOpen: false, PaperNearEnd: _paperOut, PaperOut: _paperOut);
            return _connected;
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
