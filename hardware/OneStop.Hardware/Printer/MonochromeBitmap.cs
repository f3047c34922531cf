namespace OneStop.Hardware.Printer;

/// <summary>1 bit per dot, rows packed MSB-first: the layout <c>GS v 0</c> expects, so no conversion at send time.</summary>
public sealed class MonochromeBitmap
{
    public MonochromeBitmap(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        BytesPerRow = (width + 7) / 8;
        Pixels = new byte[BytesPerRow * height];
    }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerRow { get; }

    public byte[] Pixels { get; }

    public bool this[int x, int y]
    {
        get => (Pixels[(y * BytesPerRow) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
        set
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height)
            {
                return;
            }

            var index = (y * BytesPerRow) + (x >> 3);
            var mask = (byte)(0x80 >> (x & 7));
            Pixels[index] = value ? (byte)(Pixels[index] | mask) : (byte)(Pixels[index] & ~mask);
        }
    }
}
