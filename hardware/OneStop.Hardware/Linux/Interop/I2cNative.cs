using System.Runtime.InteropServices;

namespace OneStop.Hardware.Linux.Interop;

/// <summary>include/uapi/linux/i2c-dev.h and i2c.h. These predate _IOC encoding, hence the bare numbers.</summary>
internal static unsafe class I2cNative
{
    public const uint I2cSlave = 0x0703;
    public const uint I2cFuncs = 0x0705;
    public const uint I2cRdwr = 0x0707;
    public const ulong I2cFuncI2c = 0x1;
    public const ushort I2cMRd = 0x0001;
    public const int RdwrMaxMessages = 42;

    [StructLayout(LayoutKind.Sequential)]
    public struct I2cMsg
    {
        public ushort Addr;
        public ushort Flags;
        public ushort Len;
        public byte* Buf;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct I2cRdwrIoctlData
    {
        public I2cMsg* Msgs;
        public uint NMsgs;
    }
}
