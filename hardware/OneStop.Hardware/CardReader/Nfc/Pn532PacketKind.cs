namespace OneStop.Hardware.CardReader.Nfc;

public enum Pn532PacketKind
{
    Ack,
    Nack,
    Information,

    /// <summary>The PN532's application-level error frame (TFI 7F): it understood the frame but not the command.</summary>
    Error,

    /// <summary>A frame whose length or data checksum is wrong; the host answers with NACK to get it again.</summary>
    Corrupt,
}
