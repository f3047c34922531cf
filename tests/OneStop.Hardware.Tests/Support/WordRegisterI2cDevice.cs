using System.Device.I2c;

namespace OneStop.Hardware.Tests.Support;

/// <summary>A chip with 16-bit big-endian registers selected by a pointer byte (INA219 style).</summary>
public sealed class WordRegisterI2cDevice : I2cDevice
{
    private byte _pointer;

    public Dictionary<byte, ushort> Registers { get; } = [];

    public List<byte[]> Writes { get; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x40);

    public bool Disposed { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        if (buffer.Length == 3)
        {
            Registers[_pointer] = (ushort)((buffer[1] << 8) | buffer[2]);
        }
    }

    public override void Read(Span<byte> buffer)
    {
        var value = Registers.GetValueOrDefault(_pointer);
        buffer[0] = (byte)(value >> 8);
        buffer[1] = (byte)value;
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        _pointer = writeBuffer[0];
        Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
