using System.Buffers.Binary;
using System.Device.I2c;

namespace OneStop.Hardware.Buses;

/// <summary>Register access for chips with a pointer byte followed by 16-bit big-endian registers (TI power monitors).</summary>
public static class I2cDeviceExtensions
{
    public static ushort ReadRegister16BigEndian(this I2cDevice device, byte register)
    {
        ArgumentNullException.ThrowIfNull(device);
        Span<byte> value = stackalloc byte[2];
        device.WriteRead([register], value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }

    public static void WriteRegister16BigEndian(this I2cDevice device, byte register, ushort value)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.Write([register, (byte)(value >> 8), (byte)value]);
    }
}
