using System.Text;

namespace OneStop.EndToEnd.Tests.Oracles;

/// <summary>
/// The test's own reading of an EMVCo merchant-presented QR payload (EMV QRCPS-MPM 1.1: ID 2 digits, length 2 digits,
/// value) and its CRC (section 4.7.3: CRC-16/CCITT-FALSE, polynomial 1021h, initial FFFFh, over the payload up to
/// and including "6304"), written from the spec, sharing no code with the product's VietQR builder or parser.
/// </summary>
internal static class EmvQrOracle
{
    public static Dictionary<string, string> Fields(string payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var at = 0; at < payload.Length;)
        {
            var id = payload.Substring(at, 2);
            var length = int.Parse(payload.Substring(at + 2, 2), System.Globalization.CultureInfo.InvariantCulture);
            fields[id] = payload.Substring(at + 4, length);
            at += 4 + length;
        }

        return fields;
    }

    /// <summary>Bit by bit, as the spec's reference describes it; check value over "123456789" is 29B1h.</summary>
    public static ushort Crc(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
