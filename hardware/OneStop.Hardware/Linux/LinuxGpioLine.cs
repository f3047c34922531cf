using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>A single-line request fd; closing it releases the line (no stale exports as with sysfs).</summary>
public sealed unsafe class LinuxGpioLine : IGpioLine
{
    private readonly FileDescriptorStream _line;

    internal LinuxGpioLine(FileDescriptorStream line, int offset)
    {
        _line = line;
        Offset = offset;
    }

    public int Offset { get; }

    public bool Read()
    {
        var values = new GpioNative.GpioV2LineValues { Mask = 1 };
        if (Libc.Ioctl(_line.Handle, GpioNative.LineGetValuesIoctl, &values) < 0)
        {
            throw Libc.LastError("GPIO_V2_LINE_GET_VALUES", _line.Path);
        }

        return (values.Bits & 1) != 0;
    }

    public void Write(bool value)
    {
        var values = new GpioNative.GpioV2LineValues { Bits = value ? 1UL : 0UL, Mask = 1 };
        if (Libc.Ioctl(_line.Handle, GpioNative.LineSetValuesIoctl, &values) < 0)
        {
            throw Libc.LastError("GPIO_V2_LINE_SET_VALUES", _line.Path);
        }
    }

    public void Dispose() => _line.Dispose();
}
