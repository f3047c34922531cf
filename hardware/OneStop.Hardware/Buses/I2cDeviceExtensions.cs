using System.Buffers.Binary;

namespace OneStop.Hardware.Buses;

public static class I2cDeviceExtensions
{
    public static void WriteByte(this II2cDevice device, byte value)
    {
        ReadOnlySpan<byte> buffer = [value];
        device.Write(buffer);
    }

    public static byte ReadRegister8(this II2cDevice device, byte register)
    {
        Span<byte> value = stackalloc byte[1];
        device.WriteRead([register], value);
        return value[0];
    }

    public static void ReadRegisters(this II2cDevice device, byte register, Span<byte> values)
    {
        device.WriteRead([register], values);
    }

    public static void WriteRegister8(this II2cDevice device, byte register, byte value)
    {
        device.Write([register, value]);
    }

    public static ushort ReadRegister16BigEndian(this II2cDevice device, byte register)
    {
        Span<byte> value = stackalloc byte[2];
        device.WriteRead([register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }

    public static void WriteRegister16BigEndian(this II2cDevice device, byte register, ushort value)
    {
        device.Write([register, (byte)(value >> 8), (byte)value]);
    }
}
