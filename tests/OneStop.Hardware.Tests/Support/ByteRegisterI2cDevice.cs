using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Tests.Support;

/// <summary>256 8-bit registers with auto-increment, like dotnet/iot's SimulatedI2cDevice (Bosch sensors).</summary>
public sealed class ByteRegisterI2cDevice : II2cDevice
{
    private int _pointer;

    public byte[] Registers { get; } = new byte[256];

    public int BusId => 1;

    public int Address => 0x76;

    public void Write(ReadOnlySpan<byte> buffer)
    {
        _pointer = buffer[0];
        foreach (var value in buffer[1..])
        {
            Registers[_pointer++ & 0xFF] = value;
        }
    }

    public void Read(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Registers[_pointer++ & 0xFF];
        }
    }

    public void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    public void Dispose()
    {
    }
}
