using System.IO.Ports;

namespace OneStop.Hardware.Buses;

/// <summary>
/// A tty (UART, CDC-ACM scanner or printer, PTY slave) as an <see cref="IByteStream"/> through System.IO.Ports,
/// 8N1 without flow control. SerialPort puts the tty in raw mode, which binary frames need even on CDC-ACM links
/// that ignore the baud rate (canonical mode, echo and ICRNL would mangle them).
/// </summary>
public sealed class SerialPortStream : IByteStream
{
    private readonly SerialPort _port;

    private SerialPortStream(SerialPort port) => _port = port;

    public string Path => _port.PortName;

    public static SerialPortStream Open(string path, int baudRate)
    {
        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return new SerialPortStream(port);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new IOException($"open {path}: {exception.Message}", exception);
        }
    }

    public void Write(ReadOnlySpan<byte> buffer) => _port.BaseStream.Write(buffer);

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan && _port.BytesToRead == 0)
        {
            return 0;
        }

        _port.BaseStream.ReadTimeout = timeout == Timeout.InfiniteTimeSpan
            ? SerialPort.InfiniteTimeout
            : Math.Max(1, (int)Math.Ceiling(timeout.TotalMilliseconds));
        try
        {
            return _port.BaseStream.Read(buffer);
        }
        catch (TimeoutException)
        {
            return 0;
        }
    }

    public void Dispose() => _port.Dispose();
}
