using OneStop.Hardware.Buses;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.Scanner;

/// <summary>
/// A scanner on a byte stream (CDC-ACM tty or evdev node). <see cref="Start"/> runs a reader thread that reopens
/// the device after an unplug; <see cref="Pump"/> is the single read step it repeats, callable directly in tests.
/// </summary>
public sealed class StreamQrScanner : IQrScanner, IDisposable
{
    private static readonly TimeSpan ReadSlice = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly DeviceConnection<IByteStream> _connection;
    private readonly IScanDecoder _decoder;
    private readonly HealthTracker _health;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;

    public StreamQrScanner(string deviceId, Func<IByteStream> open, IScanDecoder decoder, TimeProvider time)
    {
        DeviceId = deviceId;
        _connection = new DeviceConnection<IByteStream>(open);
        _decoder = decoder;
        _time = time;
        _health = new HealthTracker(deviceId, DeviceKinds.Scanner, time);
        _health.Failed("not started");
    }

    public event EventHandler<ScannedCode>? Scanned;

    public string DeviceId { get; }

    public void Start()
    {
        if (_reader is not null)
        {
            return;
        }

        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"scanner {DeviceId}" };
        _reader.Start();
    }

    /// <summary>One read of at most <paramref name="timeout"/>; raises <see cref="Scanned"/> for each finished code.</summary>
    public bool Pump(TimeSpan timeout)
    {
        var buffer = new byte[512];
        var result = DeviceGuard.Run(_health, () => _connection.Use(stream => stream.Read(buffer, timeout)));
        if (!result.Succeeded)
        {
            return false;
        }

        foreach (var code in _decoder.Feed(buffer.AsSpan(0, result.Value)))
        {
            Scanned?.Invoke(this, new ScannedCode(code, _time.GetUtcNow()));
        }

        return true;
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose()
    {
        _stop.Cancel();
        _reader?.Join(TimeSpan.FromSeconds(2));
        _connection.Dispose();
        _stop.Dispose();
    }

    private void ReadLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (!Pump(ReadSlice))
            {
                // Unplugged or not yet plugged in: health carries the error; wait before reopening.
                _stop.Token.WaitHandle.WaitOne(RetryDelay);
            }
        }
    }
}
