using System.Buffers.Binary;

namespace OneStop.Hardware.EnvironmentSensor;

/// <summary>Trimming parameters from NVM (BST-BME280-DS002 table 16). H4/H5 share the nibbles of 0xE5.</summary>
public sealed record Bme280Calibration(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <param name="block1">26 bytes from 0x88 (T1..P9, then H1 at 0xA1).</param>
    /// <param name="block2">7 bytes from 0xE1 (H2..H6).</param>
    public static Bme280Calibration Parse(ReadOnlySpan<byte> block1, ReadOnlySpan<byte> block2)
    {
        static ushort U(ReadOnlySpan<byte> b, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(b[offset..]);
        static short S(ReadOnlySpan<byte> b, int offset) => BinaryPrimitives.ReadInt16LittleEndian(b[offset..]);
        var h4 = (short)((sbyte)block2[3] << 4 | (block2[4] & 0x0F));
        var h5 = (short)((sbyte)block2[5] << 4 | (block2[4] >> 4));
        return new Bme280Calibration(
            U(block1, 0), S(block1, 2), S(block1, 4),
            U(block1, 6), S(block1, 8), S(block1, 10), S(block1, 12), S(block1, 14), S(block1, 16), S(block1, 18), S(block1, 20), S(block1, 22),
            block1[25], BinaryPrimitives.ReadInt16LittleEndian(block2), block2[2], h4, h5, (sbyte)block2[6]);
    }
}
