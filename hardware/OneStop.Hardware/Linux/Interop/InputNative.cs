using System.Runtime.InteropServices;

namespace OneStop.Hardware.Linux.Interop;

/// <summary>include/uapi/linux/input.h. <c>input_event</c> is 24 bytes on 64-bit, 16 on 32-bit armhf (time_t and long shrink).</summary>
internal static class InputNative
{
    public const ushort EvSyn = 0;
    public const ushort EvKey = 1;

    public static readonly uint EvIocGrab = Ioctl.Write('E', 0x90, sizeof(int));

    public static int InputEventSize => (2 * IntPtr.Size) + 8;

    [StructLayout(LayoutKind.Sequential)]
    public struct InputEvent
    {
        public nint TvSec;
        public nint TvUsec;
        public ushort Type;
        public ushort Code;
        public int Value;
    }
}
