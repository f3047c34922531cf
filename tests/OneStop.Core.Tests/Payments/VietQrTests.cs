using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OneStop.Core.Payments;

namespace OneStop.Core.Tests.Payments;

public class VietQrTests
{
    // Published examples from the README of the open-source library xuannghia/vietnam-qr-pay
    // (https://github.com/xuannghia/vietnam-qr-pay, README.md, "VietQR Tĩnh", "VietQR Động" and "Decode mã QR"):
    // ACB (BIN 970416), account 257678859. Only the payload strings are used, as test vectors.
    private const string PublishedStatic = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F";
    private const string PublishedDynamic = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6";
    private const string PublishedDecodeExample = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8";

    [Fact]
    public void Build_PublishedDynamicExample_ReproducesPayloadAndCrc()
    {
        var payload = VietQr.Build(new VietQrRequest("970416", "257678859", 10000, "Chuyen tien"));

        Assert.Equal(PublishedDynamic, payload);
    }

    [Fact]
    public void Build_NoAmount_StaticCodeWithoutTag54()
    {
        var payload = VietQr.Build(new VietQrRequest("970416", "257678859"));

        Assert.StartsWith("000201010211", payload, StringComparison.Ordinal);
        var parsed = VietQrParser.Parse(payload).Payload!;
        Assert.DoesNotContain(parsed.Fields, f => f.Tag == "54");
        Assert.Equal("257678859", parsed.AccountNumber);
    }

    [Theory]
    [InlineData(PublishedStatic)]
    [InlineData(PublishedDynamic)]
    [InlineData(PublishedDecodeExample)]
    public void Parse_PublishedExamples_CrcVerifies(string payload)
    {
        var result = VietQrParser.Parse(payload);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal("970416", result.Payload!.BankBin);
        Assert.Equal("257678859", result.Payload.AccountNumber);
        Assert.Equal(VietQr.ServiceToAccount, result.Payload.ServiceCode);
        Assert.Equal("704", result.Payload.Currency);
        Assert.Equal("VN", result.Payload.Country);
    }

    [Fact]
    public void Parse_DecodeExample_ReadsAmountAndPurpose()
    {
        var payload = VietQrParser.Parse(PublishedDecodeExample).Payload!;

        Assert.Equal(1000, payload.AmountVnd);
        Assert.Equal("Chuyen tien", payload.Purpose);
    }

    [Fact]
    public void Parse_OneCharacterChanged_CrcMismatch()
    {
        var tampered = PublishedDynamic.Replace("540510000", "540590000", StringComparison.Ordinal);

        Assert.Equal(VietQrErrorCodes.CrcMismatch, VietQrParser.Parse(tampered).ErrorCode);
    }

    [Fact]
    public void Parse_NoCrcTag_MissingCrc()
    {
        Assert.Equal(VietQrErrorCodes.MissingCrc, VietQrParser.Parse("000201010211").ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0002")]
    [InlineData("00020101021199")]
    public void Parse_Truncated_Malformed(string payload)
    {
        Assert.Equal(VietQrErrorCodes.Malformed, VietQrParser.Parse(payload).ErrorCode);
    }

    [Fact]
    public void Parse_OtherGuidInTag38_NotNapas()
    {
        var payload = VietQr.AppendCrc("000201010211" + EmvTlv.Encode("38", EmvTlv.Encode("00", "A000000999")) + "5303704" + "5802VN");

        Assert.Equal(VietQrErrorCodes.NotNapas, VietQrParser.Parse(payload).ErrorCode);
    }

    [Fact]
    public void Build_VietnamesePurpose_FoldedToAscii()
    {
        var payload = VietQr.Build(new VietQrRequest("970436", "0011001234567", 8000, "Lệ phí hồ sơ HS-0042 Đăng ký"));

        Assert.Equal("Le phi ho so HS-0042 Dang ky", VietQrParser.Parse(payload).Payload!.Purpose);
    }

    [Theory]
    [InlineData("97041", "257678859", 1000L)]
    [InlineData("970416", "", 1000L)]
    [InlineData("970416", "12345678901234567890", 1000L)]
    [InlineData("970416", "257678859", 0L)]
    public void Build_InvalidRequest_Throws(string bin, string account, long amount)
    {
        Assert.Throws<ArgumentException>(() => VietQr.Build(new VietQrRequest(bin, account, amount)));
    }

    [Property(Arbitrary = [typeof(AccountsAndAmounts)])]
    public bool Build_AnyAmountAndAccount_RoundTripsThroughParser(string account, long amount)
    {
        var parsed = VietQrParser.Parse(VietQr.Build(new VietQrRequest("970405", account, amount, "OneStop")));
        return parsed.IsValid && parsed.Payload!.AccountNumber == account && parsed.Payload.AmountVnd == amount;
    }

    /// <summary>Accounts of 1 to 19 digits and amounts from 1 to int.MaxValue dong, for the round-trip property only.</summary>
    public static class AccountsAndAmounts
    {
        public static Arbitrary<string> Account() =>
            Gen.Choose(1, 19).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(c => new string(c)).ToArbitrary();

        public static Arbitrary<long> Amount() => Gen.Choose(1, int.MaxValue).Select(i => (long)i).ToArbitrary();
    }
}
