using OneStop.Core.Identity;

namespace OneStop.Core.Tests.Identity;

public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("84 912 345 678", "0912345678")]
    [InlineData("0386.123.456", "0386123456")]
    [InlineData("(+84) 86-123-4567", "0861234567")]
    [InlineData("0900000001", "0900000001")]
    public void TryParse_MobileNumber_NormalisesBothForms(string input, string national)
    {
        Assert.True(PhoneNumbers.TryParse(input, out var phone, out _));

        Assert.Equal(national, phone!.National);
        Assert.Equal("+84" + national[1..], phone.International);
    }

    [Theory]
    [InlineData("091234567", PhoneErrorCodes.InvalidFormat)]
    [InlineData("09123456789", PhoneErrorCodes.InvalidFormat)]
    [InlineData("912345678", PhoneErrorCodes.InvalidFormat)]
    [InlineData("+1 912345678", PhoneErrorCodes.InvalidFormat)]
    [InlineData("0241234567", PhoneErrorCodes.NotMobile)]
    [InlineData("0951234567", PhoneErrorCodes.NotMobile)]
    [InlineData("", PhoneErrorCodes.Empty)]
    public void Validate_BadNumber_ErrorCode(string input, string code)
    {
        Assert.Equal(code, Assert.Single(PhoneNumbers.Validate(input).Errors).Code);
    }
}
