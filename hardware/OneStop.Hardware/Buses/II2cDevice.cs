namespace OneStop.Hardware.Buses;

/// <summary>
/// One addressed device on an I2C bus, shaped like dotnet/iot's <c>System.Device.I2c.I2cDevice</c>
/// so an adapter to either side is a thin wrapper.
/// </summary>
public interface II2cDevice : IDisposable
{
    int BusId { get; }

    int Address { get; }

    void Write(ReadOnlySpan<byte> buffer);

    void Read(Span<byte> buffer);

    /// <summary>Write then read with a repeated start, as register reads need.</summary>
    void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);
}
