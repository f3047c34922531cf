namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>BrTy of InListPassiveTarget (UM0701-02 §7.3.5): the ISO 14443 variants an eMRTD chip may use.</summary>
public enum Pn532Modulation : byte
{
    /// <summary>106 kbps ISO/IEC 14443 type A.</summary>
    TypeA106 = 0x00,

    /// <summary>106 kbps ISO/IEC 14443-3 type B; needs an AFI byte (00 = all families).</summary>
    TypeB106 = 0x03,
}
