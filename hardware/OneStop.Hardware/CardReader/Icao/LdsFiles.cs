namespace OneStop.Hardware.CardReader.Icao;

/// <summary>File identifiers and tags of the logical data structure (ICAO 9303-10 §4.6, table 39).</summary>
public static class LdsFiles
{
    public const ushort Com = 0x011E;
    public const ushort Dg1 = 0x0101;
    public const ushort Dg2 = 0x0102;
    public const ushort Dg13 = 0x010D;
    public const ushort Sod = 0x011D;

    public const int ComTag = 0x60;
    public const int Dg1Tag = 0x61;
    public const int Dg13Tag = 0x6D;
    public const int MrzTag = 0x5F1F;
    public const int LdsVersionTag = 0x5F01;
    public const int UnicodeVersionTag = 0x5F36;
    public const int TagListTag = 0x5C;

    /// <summary>The eMRTD application's AID, selected before BAC.</summary>
    public static ReadOnlySpan<byte> ApplicationId => [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    /// <summary>Data-group number for each tag EF.COM lists; DG2 and DG4 break the 0x60 + n pattern.</summary>
    public static int DataGroupNumber(byte tag) => tag switch
    {
        0x61 => 1,
        0x75 => 2,
        0x63 => 3,
        0x76 => 4,
        >= 0x65 and <= 0x70 => tag - 0x60,
        _ => 0,
    };

    public static byte DataGroupTag(int number) => number switch
    {
        1 => 0x61,
        2 => 0x75,
        3 => 0x63,
        4 => 0x76,
        >= 5 and <= 16 => (byte)(0x60 + number),
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "data groups are numbered 1 to 16"),
    };
}
