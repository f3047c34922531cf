using OneStop.Core.Accounts;

namespace OneStop.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("ngan-qua")]
    [InlineData("123456789")]
    public void Check_ShorterThanTen_TooShort(string password) => Assert.Equal(PasswordRefusal.TooShort, PasswordRules.Check(password));

    [Theory]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("matkhau123")]
    public void Check_CommonPassword_Common(string password) => Assert.Equal(PasswordRefusal.Common, PasswordRules.Check(password));

    [Fact]
    public void Check_ContainsUserName_Common() => Assert.Equal(PasswordRefusal.Common, PasswordRules.Check("cam.thi.hoa-2026", "cam.thi.hoa"));

    [Theory]
    [InlineData("mat-khau-xa-2026")]
    [InlineData("cây tre già măng mọc")]
    [InlineData("aaaaaaaaab")]
    public void Check_LongAndUncommon_AcceptedWithoutSymbolRules(string password) => Assert.Null(PasswordRules.Check(password, "hoa"));
}
