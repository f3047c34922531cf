using OneStop.Hardware.CardReader.Icao;
using OneStop.Hardware.CardReader.Nfc;

namespace OneStop.Hardware.CardReader.Simulation;

/// <summary>A card in the simulated PN532's field: its chip, how it is polled, and its UID (type A) or PUPI (type B).</summary>
public sealed record SimulatedContactlessCard(IApduChannel Chip, Pn532Modulation Modulation, ReadOnlyMemory<byte> Identifier)
{
    /// <summary>eMRTD chips use random UIDs, which ISO 14443-3 marks with a leading 08.</summary>
    public static SimulatedContactlessCard TypeA(IApduChannel chip) => new(chip, Pn532Modulation.TypeA106, new byte[] { 0x08, 0x4D, 0x61, 0x75 });

    public static SimulatedContactlessCard TypeB(IApduChannel chip) => new(chip, Pn532Modulation.TypeB106, new byte[] { 0x4D, 0x61, 0x75, 0x01 });
}
