using NetVips;
using OneStop.Scans;

namespace OneStop.Edge.Tests.Scans;

public sealed class ScanNormaliserTests
{
    [Fact]
    public void TryNormalise_NoisyA4PageAt300Dpi_FitsTheBudgetAsGreyWebP()
    {
        using var page = TestPages.Lines(seed: 1);
        var jpeg = TestPages.Jpeg(page);
        Assert.True(jpeg.Length > 4 * ScanOptions.DefaultMaxBytes, $"the test page should be far over budget, was {jpeg.Length} bytes");

        var small = ScanNormaliser.TryNormalise(jpeg, new ScanOptions());

        Assert.NotNull(small);
        Assert.Equal("image/webp", small.ContentType);
        Assert.InRange(small.Content.Length, 1, ScanOptions.DefaultMaxBytes);
        Assert.False(small.Colour);
        using var decoded = Image.NewFromBuffer(small.Content);
        Assert.Equal("webpload_buffer", decoded.Get("vips-loader"));
        Assert.InRange(Math.Max(decoded.Width, decoded.Height), 1, ScanOptions.DefaultLongSidePixels);
        // Grey: every channel carries the same picture.
        using var red = decoded[0];
        using var blue = decoded[2];
        using var difference = (red - blue).Abs();
        Assert.True(difference.Max() <= 2, $"channels differ by up to {difference.Max()}");
    }

    [Fact]
    public void TryNormalise_PhoneStoredThePortraitPageSideways_ComesOutUpright()
    {
        // The sensor's landscape frame with EXIF orientation 6 ("turn 90° clockwise to view"), as phones store portraits.
        using var upright = TestPages.Lines(seed: 2);
        using var sideways = upright.Rot270();
        var jpeg = TestPages.Jpeg(sideways, orientation: 6);

        var small = ScanNormaliser.TryNormalise(jpeg, new ScanOptions());

        Assert.NotNull(small);
        Assert.True(small.Height > small.Width, $"{small.Width}x{small.Height} is not portrait");
    }

    [Fact]
    public void TryNormalise_NotAPicture_ReturnsNull()
    {
        var pdf = "%PDF-1.4 giấy khai sinh bản điện tử"u8.ToArray();

        Assert.Null(ScanNormaliser.TryNormalise(pdf, new ScanOptions()));
        Assert.False(ScanNormaliser.Accepts("application/pdf"));
        Assert.True(ScanNormaliser.Accepts("image/jpeg"));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    public void SkewAngle_PageTurnedByKnownAngle_FindsThatAngle(double degrees)
    {
        using var page = TestPages.Lines(seed: 3);
        using var grey = page[0];
        using var turned = grey.Similarity(angle: degrees, background: [236]);

        var found = ScanNormaliser.SkewAngle(turned);

        Assert.InRange(found, degrees - 0.3, degrees + 0.3);
    }
}
