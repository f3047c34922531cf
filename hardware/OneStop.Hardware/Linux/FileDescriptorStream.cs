using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>
/// An <see cref="IByteStream"/> over a raw file descriptor: ttys, <c>/dev/usb/lp0</c>, evdev nodes, FIFOs, PTY masters.
/// Raw fds rather than FileStream because reads must time out (poll) and ioctls need the descriptor.
/// </summary>
public sealed unsafe class FileDescriptorStream : IByteStream
{
    private int _fd;

    public FileDescriptorStream(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    public string Path { get; }

    public int Handle => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(FileDescriptorStream));

    public static FileDescriptorStream Open(string path, FileAccess access)
    {
        var mode = access switch
        {
            FileAccess.Read => Libc.ORdOnly,
            FileAccess.Write => Libc.OWrOnly,
            _ => Libc.ORdWr,
        };
        var fd = Libc.Open(path, mode | Libc.ONoCtty | Libc.OCloExec);
        return fd < 0 ? throw Libc.LastError("open", path) : new FileDescriptorStream(fd, path);
    }

    public void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var n = Libc.Write(Handle, start + written, (nuint)(buffer.Length - written));
                if (n < 0)
                {
                    if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Libc.EIntr)
                    {
                        continue;
                    }

                    throw Libc.LastError("write", Path);
                }

                written += (int)n;
            }
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var pollFd = new Libc.PollFd { Fd = Handle, Events = Libc.PollIn };
        var milliseconds = timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Ceiling(timeout.TotalMilliseconds);
        int ready;
        do
        {
            ready = Libc.Poll(&pollFd, 1, milliseconds);
        }
        while (ready < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Libc.EIntr);

        if (ready < 0)
        {
            throw Libc.LastError("poll", Path);
        }

        if (ready == 0)
        {
            return 0;
        }

        fixed (byte* start = buffer)
        {
            var n = Libc.Read(Handle, start, (nuint)buffer.Length);
            if (n < 0)
            {
                throw Libc.LastError("read", Path);
            }

            if (n == 0)
            {
                // poll said readable but read gave 0: the other end went away (FIFO writer closed, device unplugged).
                throw new EndOfStreamException($"{Path} reached end of stream");
            }

            return (int)n;
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = Libc.Close(fd);
        }
    }
}
