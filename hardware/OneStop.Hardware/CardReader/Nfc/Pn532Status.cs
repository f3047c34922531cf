namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>The status byte of InDataExchange answers (UM0701-02 §7.1, table "Error code list").</summary>
public static class Pn532Status
{
    /// <summary>Bit 6: the PN532 holds more data; fetch it with another InDataExchange.</summary>
    public const byte MoreInformation = 0x40;

    public const byte ErrorMask = 0x3F;

    public const byte Timeout = 0x01;

    /// <summary>Text for the clerk; the codes that mean "the card went away" say so.</summary>
    public static string Describe(byte error) => error switch
    {
        0x01 => "the card did not answer (removed from the reader?)",
        0x02 => "CRC error from the card (card moved?)",
        0x03 => "parity error from the card (card moved?)",
        0x0A => "the RF field could not be switched on",
        0x0B => "ISO 14443 protocol error",
        0x29 => "the card was released",
        0x2A => "a different card is on the reader",
        0x2B => "the card has left the field",
        _ => $"PN532 error 0x{error:X2}",
    };
}
