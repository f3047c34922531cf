using System.Text;

namespace OneStop.Core.Payments;

/// <summary>
/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the checksum
/// EMVCo QR payloads carry in tag 63. Check value: "123456789" → 0x29B1.
/// </summary>
public static class Crc16CcittFalse
{
    private const ushort Polynomial = 0x1021;
    private const ushort Initial = 0xFFFF;

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var crc = Initial;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ Polynomial) : (ushort)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>CRC over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ushort Compute(string text) => Compute(Encoding.UTF8.GetBytes(text));

    /// <summary>The four upper-case hex digits that EMVCo puts after "6304".</summary>
    public static string ToHex(ushort crc) => crc.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
