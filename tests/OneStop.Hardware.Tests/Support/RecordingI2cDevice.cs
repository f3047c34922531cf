using OneStop.Hardware.Buses;

namespace OneStop.Hardware.Tests.Support;

/// <summary>An output-only expander (PCF8574): every byte written is recorded in order.</summary>
public sealed class RecordingI2cDevice : II2cDevice
{
    public List<byte> Written { get; } = [];

    public int BusId => 1;

    public int Address => 0x27;

    public void Write(ReadOnlySpan<byte> buffer) => Written.AddRange(buffer.ToArray());

    public void Read(Span<byte> buffer) => throw new IOException("write-only expander");

    public void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => throw new IOException("write-only expander");

    public void Dispose()
    {
    }
}
