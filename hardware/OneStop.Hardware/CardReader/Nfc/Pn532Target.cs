namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>
/// A card the PN532 activated. <paramref name="Identifier"/> is the NFCID1 (type A UID) or PUPI (type B);
/// <paramref name="Activation"/> holds what ISO 14443 activation returned: ATS for type A, ATQB for type B.
/// </summary>
public sealed record Pn532Target(byte Number, Pn532Modulation Modulation, ReadOnlyMemory<byte> Identifier, ReadOnlyMemory<byte> Activation, byte SelectResponse)
{
    /// <summary>ISO 14443-4 (APDU) capable: SAK bit 6 for type A; type B targets are activated with ATTRIB by the PN532.</summary>
    public bool SupportsApdus => Modulation == Pn532Modulation.TypeB106 || (SelectResponse & 0x20) != 0;

    public static Pn532Target? Parse(Pn532Modulation modulation, ReadOnlySpan<byte> response)
    {
        if (response.IsEmpty || response[0] == 0)
        {
            return null;
        }

        var data = response[1..];
        if (modulation == Pn532Modulation.TypeA106)
        {
            // Tg, SENS_RES (2), SEL_RES, NFCIDLength, NFCID1, then ATS (its first byte is its own length).
            if (data.Length < 5 || data.Length < 5 + data[4])
            {
                throw new InvalidDataException("InListPassiveTarget type A answer is too short");
            }

            var uid = data.Slice(5, data[4]);
            var ats = data[(5 + data[4])..];
            return new Pn532Target(data[0], modulation, uid.ToArray(), ats.ToArray(), data[3]);
        }

        // Tg, ATQB (12: 50, PUPI (4), application data (4), protocol info (3)), ATTRIB_RES length, ATTRIB_RES.
        if (data.Length < 13)
        {
            throw new InvalidDataException("InListPassiveTarget type B answer is too short");
        }

        return new Pn532Target(data[0], modulation, data.Slice(2, 4).ToArray(), data.Slice(1, 12).ToArray(), 0);
    }
}
