using OneStop.Core.Attachments;
using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Clock;

/// <summary>Garbage from a node (a wall time of long.MinValue) and file names from a form are bounded, not trusted.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void OffsetMs_NodeWallLongMinValue_FarBehindNotAhead()
    {
        var offset = ClockPolicy.OffsetMs(long.MinValue, 1_764_547_200_000);

        Assert.Equal(long.MinValue, offset);
        Assert.True(ClockPolicy.IsClockSuspect(offset, ClockPolicy.DefaultSuspectOffsetMs));
    }

    [Fact]
    public void OffsetMs_NodeWallLongMaxValue_FarAheadNotBehind() =>
        Assert.Equal(long.MaxValue, ClockPolicy.OffsetMs(long.MaxValue, -1));

    [Theory]
    [InlineData("..\\..\\evil.exe", "evil.exe")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", AttachmentRules.FallbackFileName)]
    [InlineData("scan\r\nSet-Cookie: x.pdf", "scanSet-Cookie x.pdf")]
    [InlineData("a\0b.png", "ab.png")]
    [InlineData("giấy khai sinh.pdf", "giấy khai sinh.pdf")]
    public void SafeFileName_PathsAndControlCharacters_LastSegmentOnly(string given, string expected) =>
        Assert.Equal(expected, AttachmentRules.SafeFileName(given));

    [Theory]
    [InlineData("text/html", false)]
    [InlineData("application/x-msdownload", false)]
    [InlineData("application/octet-stream", false)]
    [InlineData("image/png", true)]
    [InlineData("application/pdf; charset=binary", true)]
    public void IsAllowed_ContentType_OnlyScansAndPhotos(string contentType, bool allowed) =>
        Assert.Equal(allowed, AttachmentRules.IsAllowed(contentType));
}
