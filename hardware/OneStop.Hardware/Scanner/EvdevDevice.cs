using System.Runtime.InteropServices;
using OneStop.Hardware.Linux;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Scanner;

public static class EvdevDevice
{
    /// <summary>
    /// Opens an evdev node and grabs it (EVIOCGRAB) so scanned keystrokes stop reaching the console or a browser.
    /// ENOTTY is tolerated so a FIFO or recorded file can stand in for the device.
    /// </summary>
    public static FileDescriptorStream OpenGrabbed(string path)
    {
        var stream = FileDescriptorStream.Open(path, FileAccess.Read);
        if (Libc.Ioctl(stream.Handle, InputNative.EvIocGrab, 1) < 0 && Marshal.GetLastPInvokeError() != Libc.ENotTy)
        {
            var error = Libc.LastError("EVIOCGRAB", path);
            stream.Dispose();
            throw error;
        }

        return stream;
    }
}
