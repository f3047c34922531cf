using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>Opens a tty (UART, CDC-ACM, PTY slave) in raw 8N1 mode through libc termios.</summary>
public static unsafe class LinuxSerialPort
{
    public static FileDescriptorStream Open(string path, int baudRate)
    {
        var speed = SerialNative.SpeedCode(baudRate);
        var stream = FileDescriptorStream.Open(path, FileAccess.ReadWrite);
        try
        {
            Configure(stream.Handle, path, speed);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static void Configure(int fd, string path, uint speed)
    {
        // Raw mode matters even for CDC-ACM, which ignores the baud rate: canonical mode, echo and ICRNL mangle binary frames.
        var termios = stackalloc byte[SerialNative.TermiosBufferSize];
        if (Libc.TcGetAttr(fd, termios) != 0)
        {
            throw Libc.LastError("tcgetattr", path);
        }

        Libc.CfMakeRaw(termios);
        if (Libc.CfSetSpeed(termios, speed) != 0)
        {
            throw Libc.LastError("cfsetspeed", path);
        }

        if (Libc.TcSetAttr(fd, Libc.TcsaNow, termios) != 0)
        {
            throw Libc.LastError("tcsetattr", path);
        }

        _ = Libc.TcFlush(fd, Libc.TcIoFlush);
    }
}
