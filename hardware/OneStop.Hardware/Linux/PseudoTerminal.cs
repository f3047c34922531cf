using System.Text;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>
/// A PTY pair: drivers open <see cref="SlavePath"/> exactly like <c>/dev/ttyACM0</c>, while the master plays the device.
/// Used by tests and by a bench setup where a script impersonates a scanner or reader.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private PseudoTerminal(FileDescriptorStream master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
    }

    public FileDescriptorStream Master { get; }

    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        var fd = Libc.PosixOpenPt(Libc.ORdWr | Libc.ONoCtty);
        if (fd < 0)
        {
            throw Libc.LastError("posix_openpt");
        }

        var master = new FileDescriptorStream(fd, "/dev/ptmx");
        try
        {
            if (Libc.GrantPt(fd) != 0)
            {
                throw Libc.LastError("grantpt");
            }

            if (Libc.UnlockPt(fd) != 0)
            {
                throw Libc.LastError("unlockpt");
            }

            var name = stackalloc byte[128];
            if (Libc.PtsNameR(fd, name, 128) != 0)
            {
                throw Libc.LastError("ptsname_r");
            }

            var path = Encoding.UTF8.GetString(name, IndexOfNul(name));
            return new PseudoTerminal(master, path);
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    public void Dispose() => Master.Dispose();

    private static int IndexOfNul(byte* name)
    {
        var length = 0;
        while (length < 128 && name[length] != 0)
        {
            length++;
        }

        return length;
    }
}
