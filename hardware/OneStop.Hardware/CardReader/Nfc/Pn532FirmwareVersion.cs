namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>GetFirmwareVersion answer: IC (0x32 for a PN532), version, revision, and supported card families (bit 0 type A, 1 type B, 2 ISO 18092).</summary>
public sealed record Pn532FirmwareVersion(byte IntegratedCircuit, byte Version, byte Revision, byte Support)
{
    public override string ToString() => $"PN5{IntegratedCircuit:X2} v{Version}.{Revision}";
}
