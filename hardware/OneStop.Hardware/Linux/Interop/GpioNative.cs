using System.Runtime.InteropServices;

namespace OneStop.Hardware.Linux.Interop;

/// <summary>GPIO character device uAPI v2, include/uapi/linux/gpio.h. Layouts are explicit because the kernel pins them with __aligned_u64.</summary>
internal static unsafe class GpioNative
{
    public const int MaxNameSize = 32;
    public const int LinesMax = 64;
    public const int LineNumAttrsMax = 10;

    public const ulong FlagActiveLow = 1UL << 1;
    public const ulong FlagInput = 1UL << 2;
    public const ulong FlagOutput = 1UL << 3;
    public const ulong FlagBiasPullUp = 1UL << 8;
    public const ulong FlagBiasPullDown = 1UL << 9;
    public const ulong FlagBiasDisabled = 1UL << 10;

    public const uint AttrIdOutputValues = 2;

    public static readonly uint GetChipInfoIoctl = Ioctl.Read('\xB4', 0x01, sizeof(GpioChipInfo));
    public static readonly uint GetLineInfoIoctl = Ioctl.ReadWrite('\xB4', 0x05, sizeof(GpioV2LineInfo));
    public static readonly uint GetLineIoctl = Ioctl.ReadWrite('\xB4', 0x07, sizeof(GpioV2LineRequest));
    public static readonly uint LineSetConfigIoctl = Ioctl.ReadWrite('\xB4', 0x0D, sizeof(GpioV2LineConfig));
    public static readonly uint LineGetValuesIoctl = Ioctl.ReadWrite('\xB4', 0x0E, sizeof(GpioV2LineValues));
    public static readonly uint LineSetValuesIoctl = Ioctl.ReadWrite('\xB4', 0x0F, sizeof(GpioV2LineValues));

    [StructLayout(LayoutKind.Sequential)]
    public struct GpioChipInfo
    {
        public fixed byte Name[MaxNameSize];
        public fixed byte Label[MaxNameSize];
        public uint Lines;
    }

    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct GpioV2LineAttribute
    {
        [FieldOffset(0)]
        public uint Id;

        [FieldOffset(8)]
        public ulong Value;
    }

    [StructLayout(LayoutKind.Explicit, Size = 24)]
    public struct GpioV2LineConfigAttribute
    {
        [FieldOffset(0)]
        public GpioV2LineAttribute Attr;

        [FieldOffset(16)]
        public ulong Mask;
    }

    [StructLayout(LayoutKind.Explicit, Size = 272)]
    public struct GpioV2LineConfig
    {
        [FieldOffset(0)]
        public ulong Flags;

        [FieldOffset(8)]
        public uint NumAttrs;

        [FieldOffset(32)]
        public GpioV2LineConfigAttribute Attr0;
    }

    [StructLayout(LayoutKind.Explicit, Size = 592)]
    public struct GpioV2LineRequest
    {
        [FieldOffset(0)]
        public fixed uint Offsets[LinesMax];

        [FieldOffset(256)]
        public fixed byte Consumer[MaxNameSize];

        [FieldOffset(288)]
        public GpioV2LineConfig Config;

        [FieldOffset(560)]
        public uint NumLines;

        [FieldOffset(564)]
        public uint EventBufferSize;

        [FieldOffset(588)]
        public int Fd;
    }

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct GpioV2LineInfo
    {
        [FieldOffset(0)]
        public fixed byte Name[MaxNameSize];

        [FieldOffset(32)]
        public fixed byte Consumer[MaxNameSize];

        [FieldOffset(64)]
        public uint Offset;

        [FieldOffset(68)]
        public uint NumAttrs;

        [FieldOffset(72)]
        public ulong Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct GpioV2LineValues
    {
        public ulong Bits;
        public ulong Mask;
    }
}
