using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Tests.Linux;

/// <summary>The evdev interop that stays ours (dotnet/iot has no input binding); numbers computed from the kernel headers.</summary>
public unsafe class AbiLayoutTests
{
    [Fact]
    public void EvdevGrab_Encoded_MatchesKernelHeader()
    {
        Assert.Equal(0x40044590u, InputNative.EvIocGrab);
    }

    [Fact]
    public void InputEvent_Size_MatchesPointerWidth()
    {
        var sixtyFourBit = IntPtr.Size == 8;
        Assert.Equal(sixtyFourBit ? 24 : 16, sizeof(InputNative.InputEvent));
        Assert.Equal(sizeof(InputNative.InputEvent), InputNative.InputEventSize);
    }
}
