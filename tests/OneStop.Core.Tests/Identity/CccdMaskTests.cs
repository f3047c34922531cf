using OneStop.Core.Identity;

namespace OneStop.Core.Tests.Identity;

public sealed class CccdMaskTests
{
    [Fact]
    public void Mask_TwelveDigits_KeepsFirstFourAndLastTwo() => Assert.Equal("0010******45", CccdMask.Mask("001095012345"));

    [Fact]
    public void MaskAll_NumberInsideText_MaskedAndPhoneLeft()
    {
        var text = "CCCD 001095012345, ĐT 0912345678";

        Assert.Equal("CCCD 0010******45, ĐT 0912345678", CccdMask.MaskAll(text));
    }

    [Fact]
    public void MaskAll_ThirteenDigits_NotACccdLeftAlone() => Assert.Equal("0010950123456", CccdMask.MaskAll("0010950123456"));
}
