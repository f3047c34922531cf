using System.Runtime.InteropServices;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Tests.Linux;

/// <summary>Numbers computed from /usr/include/linux/*.h on x86_64 (see shared/notes/hardware.md §2).</summary>
public unsafe class AbiLayoutTests
{
    [Fact]
    public void GpioIoctls_EncodedFromStructSizes_MatchKernelHeaders()
    {
        Assert.Equal(0x8044B401u, GpioNative.GetChipInfoIoctl);
        Assert.Equal(0xC100B405u, GpioNative.GetLineInfoIoctl);
        Assert.Equal(0xC250B407u, GpioNative.GetLineIoctl);
        Assert.Equal(0xC110B40Du, GpioNative.LineSetConfigIoctl);
        Assert.Equal(0xC010B40Eu, GpioNative.LineGetValuesIoctl);
        Assert.Equal(0xC010B40Fu, GpioNative.LineSetValuesIoctl);
    }

    [Fact]
    public void OtherIoctls_Encoded_MatchKernelHeaders()
    {
        Assert.Equal(0x40044590u, InputNative.EvIocGrab);
        Assert.Equal(0x0703u, I2cNative.I2cSlave);
        Assert.Equal(0x0705u, I2cNative.I2cFuncs);
        Assert.Equal(0x0707u, I2cNative.I2cRdwr);
        Assert.Equal(0x84005001u, Ioctl.Read('P', 1, 1024));
    }

    [Fact]
    public void GpioStructs_Sizes_MatchUapiV2()
    {
        Assert.Equal(68, sizeof(GpioNative.GpioChipInfo));
        Assert.Equal(16, sizeof(GpioNative.GpioV2LineAttribute));
        Assert.Equal(24, sizeof(GpioNative.GpioV2LineConfigAttribute));
        Assert.Equal(272, sizeof(GpioNative.GpioV2LineConfig));
        Assert.Equal(592, sizeof(GpioNative.GpioV2LineRequest));
        Assert.Equal(256, sizeof(GpioNative.GpioV2LineInfo));
        Assert.Equal(16, sizeof(GpioNative.GpioV2LineValues));
    }

    [Fact]
    public void GpioLineRequest_FieldOffsets_MatchUapiV2()
    {
        Assert.Equal(256, (int)Marshal.OffsetOf<GpioNative.GpioV2LineRequest>(nameof(GpioNative.GpioV2LineRequest.Consumer)));
        Assert.Equal(288, (int)Marshal.OffsetOf<GpioNative.GpioV2LineRequest>(nameof(GpioNative.GpioV2LineRequest.Config)));
        Assert.Equal(560, (int)Marshal.OffsetOf<GpioNative.GpioV2LineRequest>(nameof(GpioNative.GpioV2LineRequest.NumLines)));
        Assert.Equal(588, (int)Marshal.OffsetOf<GpioNative.GpioV2LineRequest>(nameof(GpioNative.GpioV2LineRequest.Fd)));
        Assert.Equal(32, (int)Marshal.OffsetOf<GpioNative.GpioV2LineConfig>(nameof(GpioNative.GpioV2LineConfig.Attr0)));
    }

    [Fact]
    public void I2cAndInputStructs_Sizes_MatchPointerWidth()
    {
        var sixtyFourBit = IntPtr.Size == 8;
        Assert.Equal(sixtyFourBit ? 16 : 12, sizeof(I2cNative.I2cMsg));
        Assert.Equal(sixtyFourBit ? 16 : 8, sizeof(I2cNative.I2cRdwrIoctlData));
        Assert.Equal(sixtyFourBit ? 24 : 16, sizeof(InputNative.InputEvent));
        Assert.Equal(sizeof(InputNative.InputEvent), InputNative.InputEventSize);
    }

    [Fact]
    public void NewRequest_OneOutputLine_FillsOffsetConsumerAndFlags()
    {
        var request = OneStop.Hardware.Linux.LinuxGpioChip.NewRequest(17, "onestop-led", GpioNative.FlagOutput);

        var bytes = new ReadOnlySpan<byte>(&request, sizeof(GpioNative.GpioV2LineRequest));
        Assert.Equal(17u, BitConverter.ToUInt32(bytes[..4]));
        Assert.Equal("onestop-led"u8.ToArray(), bytes.Slice(256, 11).ToArray());
        Assert.Equal(0, bytes[256 + 11]);
        Assert.Equal(0x08ul, BitConverter.ToUInt64(bytes.Slice(288, 8)));
        Assert.Equal(1u, BitConverter.ToUInt32(bytes.Slice(560, 4)));
    }

    [Fact]
    public void SpeedCode_115200_IsB115200()
    {
        Assert.Equal(0x1002u, SerialNative.SpeedCode(115200));
        Assert.Equal(0xDu, SerialNative.SpeedCode(9600));
    }
}
