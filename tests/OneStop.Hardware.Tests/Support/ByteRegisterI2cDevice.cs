using System.Device.I2c;

namespace OneStop.Hardware.Tests.Support;

/// <summary>256 8-bit registers with auto-increment, like dotnet/iot's SimulatedI2cDevice (Bosch sensors).</summary>
public sealed class ByteRegisterI2cDevice : I2cDevice
{
    private int _pointer;

    public byte[] Registers { get; } = new byte[256];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x76);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pointer = buffer[0];
        foreach (var value in buffer[1..])
        {
            Registers[_pointer++ & 0xFF] = value;
        }
    }

    public override void Read(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Registers[_pointer++ & 0xFF];
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

}
