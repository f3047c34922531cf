using OneStop.Hardware.CardReader.Icao;

namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>APDUs to one activated target through InDataExchange.</summary>
public sealed class Pn532ApduChannel(Pn532 pn532, byte target) : IApduChannel
{
    public byte[] Transmit(ReadOnlySpan<byte> command) => pn532.InDataExchange(target, command);
}
