using System.Text;
using QRCoder;

namespace OneStop.Hardware.Printer;

/// <summary>QR as the printer's own <c>GS ( k</c> when it has one, else drawn here and sent as <c>GS v 0</c>.</summary>
public static class QrRenderer
{
    public static byte[] Render(string payload, PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var moduleSize = profile.DotsPerLine >= 576 ? 6 : 5;
        if (profile.SupportsQrCommand)
        {
            return EscPos.QrCode(Encoding.UTF8.GetBytes(payload), moduleSize, QrErrorCorrection.Medium);
        }

        return EscPos.RasterImage(ToBitmap(payload, moduleSize, profile.DotsPerLine));
    }

    public static MonochromeBitmap ToBitmap(string payload, int moduleSize, int dotsPerLine)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var scale = Math.Max(1, Math.Min(moduleSize, dotsPerLine / size));
        var bitmap = new MonochromeBitmap(dotsPerLine, size * scale);
        var left = (dotsPerLine - (size * scale)) / 2;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!matrix[y][x])
                {
                    continue;
                }

                for (var dy = 0; dy < scale; dy++)
                {
                    for (var dx = 0; dx < scale; dx++)
                    {
                        bitmap[left + (x * scale) + dx, (y * scale) + dy] = true;
                    }
                }
            }
        }

        return bitmap;
    }
}
