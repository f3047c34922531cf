namespace OneStop.Hardware.Buses;

/// <summary>
/// A byte pipe to a device: serial tty, USB printer node, evdev node, FIFO or TCP socket.
/// Reads take a timeout because most peripherals answer only sometimes (a one-way printer never does).
/// </summary>
public interface IByteStream : IDisposable
{
    void Write(ReadOnlySpan<byte> buffer);

    /// <summary>Reads what is available, waiting at most <paramref name="timeout"/>; 0 means nothing arrived.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout);
}
