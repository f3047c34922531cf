namespace OneStop.Hardware.Tests.Support;

/// <summary>Finds the <c>GS v 0</c> images in rendered ESC/POS bytes, skipping each image's data so pixels never read as commands.</summary>
public static class RasterImages
{
    public static IReadOnlyList<(int BytesPerRow, int Rows, byte[] Command)> In(byte[] bytes)
    {
        var images = new List<(int, int, byte[])>();
        var position = 0;
        while (true)
        {
            var found = bytes.AsSpan(position).IndexOf(new byte[] { 0x1D, 0x76, 0x30, 0x00 });
            if (found < 0)
            {
                return images;
            }

            var start = position + found;
            var bytesPerRow = bytes[start + 4] | (bytes[start + 5] << 8);
            var rows = bytes[start + 6] | (bytes[start + 7] << 8);
            var end = start + 8 + (bytesPerRow * rows);
            images.Add((bytesPerRow, rows, bytes[start..end]));
            position = end;
        }
    }
}
