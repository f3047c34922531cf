using System.Device.I2c;

namespace OneStop.Hardware.Tests.Support;

/// <summary>An output-only expander (PCF8574): every byte written is recorded in order.</summary>
public sealed class RecordingI2cDevice : I2cDevice
{
    public List<byte> Written { get; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x27);

    public override void Write(ReadOnlySpan<byte> buffer) => Written.AddRange(buffer.ToArray());

    public override void Read(Span<byte> buffer) => throw new IOException("write-only expander");

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => throw new IOException("write-only expander");
}
