namespace OneStop.Hardware.Printer;

/// <summary>ESC/POS command bytes (Epson ESC/POS reference; same on Bixolon, HPRT and most clones).</summary>
public static class EscPos
{
    public const byte Esc = 0x1B;
    public const byte Gs = 0x1D;
    public const byte Dle = 0x10;
    public const byte Eot = 0x04;
    public const byte LineFeed = 0x0A;

    public static byte[] Initialize() => [Esc, (byte)'@'];

    public static byte[] SelectCodeTable(int table) => [Esc, (byte)'t', checked((byte)table)];

    public static byte[] Align(TextAlignment alignment) => [Esc, (byte)'a', (byte)alignment];

    public static byte[] Bold(bool on) => [Esc, (byte)'E', on ? (byte)1 : (byte)0];

    /// <summary>GS ! n: high nibble width-1, low nibble height-1.</summary>
    public static byte[] CharacterSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8);
        return [Gs, (byte)'!', (byte)(((width - 1) << 4) | (height - 1))];
    }

    public static byte[] FeedLines(int lines) => [Esc, (byte)'d', checked((byte)lines)];

    /// <summary>GS V 66 n: feed n dots so the last line clears the cutter, then partial cut.</summary>
    public static byte[] FeedAndPartialCut(int dots) => [Gs, (byte)'V', 66, checked((byte)dots)];

    /// <summary>DLE EOT n, real-time status: 1 printer, 2 offline cause, 3 error cause, 4 paper sensor.</summary>
    public static byte[] TransmitStatus(int kind) => [Dle, Eot, checked((byte)kind)];

    /// <summary>GS ( k model 2, module size, error correction, store, print (function 165/167/169/180/181).</summary>
    public static byte[] QrCode(ReadOnlySpan<byte> data, int moduleSize, QrErrorCorrection level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleSize, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, 7089);
        var storeLength = data.Length + 3;
        var bytes = new List<byte>(data.Length + 40);
        bytes.AddRange([Gs, (byte)'(', (byte)'k', 4, 0, 49, 65, 50, 0]);
        bytes.AddRange([Gs, (byte)'(', (byte)'k', 3, 0, 49, 67, (byte)moduleSize]);
        bytes.AddRange([Gs, (byte)'(', (byte)'k', 3, 0, 49, 69, (byte)level]);
        bytes.AddRange([Gs, (byte)'(', (byte)'k', (byte)(storeLength & 0xFF), (byte)(storeLength >> 8), 49, 80, 48]);
        bytes.AddRange(data);
        bytes.AddRange([Gs, (byte)'(', (byte)'k', 3, 0, 49, 81, 48]);
        return [.. bytes];
    }

    /// <summary>GS v 0 raster bit image, MSB = leftmost dot, 1 = black.</summary>
    public static byte[] RasterImage(MonochromeBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var bytesPerRow = bitmap.BytesPerRow;
        var header = new byte[] { Gs, (byte)'v', (byte)'0', 0, (byte)(bytesPerRow & 0xFF), (byte)(bytesPerRow >> 8), (byte)(bitmap.Height & 0xFF), (byte)(bitmap.Height >> 8) };
        return [.. header, .. bitmap.Pixels];
    }
}

public enum TextAlignment : byte
{
    Left = 0,
    Center = 1,
    Right = 2,
}

public enum QrErrorCorrection : byte
{
    Low = 48,
    Medium = 49,
    Quartile = 50,
    High = 51,
}
