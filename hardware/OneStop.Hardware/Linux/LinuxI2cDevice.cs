using System.Runtime.InteropServices;
using OneStop.Hardware.Buses;
using OneStop.Hardware.Linux.Interop;

namespace OneStop.Hardware.Linux;

/// <summary>
/// <c>/dev/i2c-N</c> through i2c-dev. Uses I2C_RDWR (true repeated start) when the adapter supports plain I2C,
/// otherwise I2C_SLAVE plus read/write. Never I2C_SLAVE_FORCE: stealing an address from a bound kernel driver
/// (hwmon ina2xx, iio bmp280) would corrupt both.
/// </summary>
public sealed unsafe class LinuxI2cDevice : II2cDevice
{
    private readonly FileDescriptorStream _file;
    private readonly bool _useRdwr;

    private LinuxI2cDevice(FileDescriptorStream file, int busId, int address, bool useRdwr)
    {
        _file = file;
        BusId = busId;
        Address = address;
        _useRdwr = useRdwr;
    }

    public int BusId { get; }

    public int Address { get; }

    public static LinuxI2cDevice Open(int busId, int address)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 0x7F);
        var path = $"/dev/i2c-{busId}";
        var file = FileDescriptorStream.Open(path, FileAccess.ReadWrite);
        try
        {
            ulong functions = 0;
            if (Libc.Ioctl(file.Handle, I2cNative.I2cFuncs, &functions) < 0)
            {
                throw Libc.LastError("I2C_FUNCS", path);
            }

            var useRdwr = (functions & I2cNative.I2cFuncI2c) != 0;
            if (!useRdwr && Libc.Ioctl(file.Handle, I2cNative.I2cSlave, (nuint)address) < 0)
            {
                throw Libc.LastError($"I2C_SLAVE 0x{address:X2}", path);
            }

            return new LinuxI2cDevice(file, busId, address, useRdwr);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> buffer)
    {
        if (_useRdwr)
        {
            Transfer(buffer, []);
        }
        else
        {
            _file.Write(buffer);
        }
    }

    public void Read(Span<byte> buffer)
    {
        if (_useRdwr)
        {
            Transfer([], buffer);
        }
        else
        {
            ReadPlain(buffer);
        }
    }

    public void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (_useRdwr)
        {
            Transfer(writeBuffer, readBuffer);
        }
        else
        {
            _file.Write(writeBuffer);
            ReadPlain(readBuffer);
        }
    }

    public void Dispose() => _file.Dispose();

    private void ReadPlain(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            if (Libc.Read(_file.Handle, start, (nuint)buffer.Length) != buffer.Length)
            {
                throw Libc.LastError($"read 0x{Address:X2}", _file.Path);
            }
        }
    }

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        fixed (byte* writePtr = write)
        fixed (byte* readPtr = read)
        {
            var messages = stackalloc I2cNative.I2cMsg[2];
            uint count = 0;
            if (!write.IsEmpty)
            {
                messages[count++] = new I2cNative.I2cMsg { Addr = (ushort)Address, Flags = 0, Len = (ushort)write.Length, Buf = writePtr };
            }

            if (!read.IsEmpty)
            {
                messages[count++] = new I2cNative.I2cMsg { Addr = (ushort)Address, Flags = I2cNative.I2cMRd, Len = (ushort)read.Length, Buf = readPtr };
            }

            if (count == 0)
            {
                return;
            }

            var data = new I2cNative.I2cRdwrIoctlData { Msgs = messages, NMsgs = count };
            if (Libc.Ioctl(_file.Handle, I2cNative.I2cRdwr, &data) < 0)
            {
                throw new IOException($"I2C_RDWR 0x{Address:X2} on {_file.Path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
        }
    }
}
