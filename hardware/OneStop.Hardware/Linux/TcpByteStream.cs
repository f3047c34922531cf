using System.Net.Sockets;
using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Linux;

/// <summary>Network printers listen on raw TCP 9100 (JetDirect); status replies come back on the same socket.</summary>
public sealed class TcpByteStream : IByteStream
{
    private readonly Socket _socket;

    private TcpByteStream(Socket socket) => _socket = socket;

    public static TcpByteStream Connect(string host, int port, TimeSpan timeout)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            socket.ConnectAsync(host, port, cancel.Token).AsTask().GetAwaiter().GetResult();
            return new TcpByteStream(socket);
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            throw new IOException($"connect {host}:{port} timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var sent = _socket.Send(buffer);
            buffer = buffer[sent..];
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (!_socket.Poll(timeout, SelectMode.SelectRead))
        {
            return 0;
        }

        var read = _socket.Receive(buffer);
        return read == 0 ? throw new EndOfStreamException("printer closed the connection") : read;
    }

    public void Dispose() => _socket.Dispose();
}
