namespace OneStop.Hardware.CardReader.Icao;

/// <summary>ISO 7816-4 APDU exchange with one card: the PN532's InDataExchange, or a simulated chip.</summary>
public interface IApduChannel
{
    /// <summary>Sends a command APDU and returns the response APDU including its two status bytes.</summary>
    byte[] Transmit(ReadOnlySpan<byte> command);
}
