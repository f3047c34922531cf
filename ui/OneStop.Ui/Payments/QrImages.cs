using QRCoder;

namespace OneStop.Ui.Payments;

/// <summary>QR codes drawn on the node itself, so a slip or a VietQR works with the link down.</summary>
public static class QrImages
{
    /// <summary>A PNG data URI; medium error correction survives a creased paper slip.</summary>
    public static string PngDataUri(string payload, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
