using System.Text;
using OneStop.Core.Identity;

namespace OneStop.Core.Tests.Identity;

public class CccdQrParserTests
{
    // Synthetic card for resident R002 of residents-sample.json, in the layout the chip-card QR uses.
    private const string Sample = "002181990002|123456789|Giàng Thị Mai|02091981|Nữ|Thôn Phìn Chải, Lũng Cú, Đồng Văn, Hà Giang|08022022";

    [Fact]
    public void TryParse_ChipCardQr_ReadsAllFields()
    {
        Assert.True(CccdQrParser.TryParse(Sample, out var data, out _));

        Assert.Equal("002181990002", data!.IdNumber);
        Assert.Equal("123456789", data.OldIdNumber);
        Assert.Equal("Giàng Thị Mai", data.FullName);
        Assert.Equal(new DateOnly(1981, 9, 2), data.BirthDate);
        Assert.Equal(Sex.Female, data.Sex);
        Assert.StartsWith("Thôn Phìn Chải", data.Address, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 2, 8), data.IssueDate);
    }

    [Fact]
    public void TryParse_ScannedCard_PassesCccdCheckWithItsOwnFields()
    {
        Assert.True(CccdQrParser.TryParse(Sample, out var data, out _));

        Assert.True(CccdValidator.Validate(data!.IdNumber, data.BirthDate, data.Sex).IsValid);
    }

    [Fact]
    public void TryParse_NoOldNumberTrailingNewlineAndDecomposedText_Tolerated()
    {
        var text = "036083990017||Nguyễn Văn Hùng|25051983|Nam|Xã Y Tý, Lào Cai|01072024\r\n".Normalize(NormalizationForm.FormD);

        Assert.True(CccdQrParser.TryParse(text, out var data, out _));

        Assert.Null(data!.OldIdNumber);
        Assert.Equal("Nguyễn Văn Hùng", data.FullName);
        Assert.Equal(Sex.Male, data.Sex);
    }

    [Fact]
    public void TryParse_ExtraTrailingField_Ignored()
    {
        Assert.True(CccdQrParser.TryParse(Sample + "|extra", out _, out _));
    }

    [Theory]
    [InlineData("", CccdQrErrorCodes.Empty)]
    [InlineData("https://example.org/status/123", CccdQrErrorCodes.TooFewFields)]
    [InlineData("00218199000|x|Tên|02091981|Nữ|Địa chỉ|08022022", CccdQrErrorCodes.BadIdNumber)]
    [InlineData("002181990002|x|Tên|1981-09-02|Nữ|Địa chỉ|08022022", CccdQrErrorCodes.BadDate)]
    [InlineData("002181990002|x|Tên|31021981|Nữ|Địa chỉ|08022022", CccdQrErrorCodes.BadDate)]
    [InlineData("002181990002|x|Tên|02091981|Khác|Địa chỉ|08022022", CccdQrErrorCodes.BadSex)]
    public void TryParse_BadInput_ErrorCode(string text, string code)
    {
        Assert.False(CccdQrParser.TryParse(text, out var data, out var error));

        Assert.Null(data);
        Assert.Equal(code, error!.Code);
    }
}
