using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OneStop.Core.Text;

namespace OneStop.Core.Tests.Text;

public class VietnameseFoldingTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("  ĐĂNG   KÝ\tKHAI\nSINH ", "dang ky khai sinh")]
    [InlineData("Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet")]
    [InlineData("Ưởng Ơn Ẩn", "uong on an")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Mù Căng Chải", "mu cang chai")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_VietnameseText_RemovesDiacriticsCaseAndExtraSpace(string? input, string expected)
    {
        Assert.Equal(expected, VietnameseFolding.Fold(input));
    }

    [Fact]
    public void Fold_DecomposedInput_EqualsPrecomposed()
    {
        var decomposed = "Nguyễn".Normalize(NormalizationForm.FormD);

        Assert.Equal(VietnameseFolding.Fold("Nguyễn"), VietnameseFolding.Fold(decomposed));
    }

    [Property]
    public bool Fold_AnyString_IsIdempotent(string s) =>
        VietnameseFolding.Fold(VietnameseFolding.Fold(s)) == VietnameseFolding.Fold(s);

    [Property(Arbitrary = [typeof(VietnameseAlphabetStrings)])]
    public bool Fold_VietnameseAlphabetStrings_GiveLowercaseAsciiOnly(string s) =>
        VietnameseFolding.Fold(s).All(c => c == ' ' || c is >= 'a' and <= 'z');

    [Property]
    public bool ToAscii_AnyString_IsPrintableAscii(string s) =>
        VietnameseFolding.ToAscii(s).All(c => c is >= ' ' and <= '~');

    /// <summary>Strings of the Vietnamese alphabet (both cases, every tone mark) and spaces.</summary>
    public static class VietnameseAlphabetStrings
    {
        private const string Alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ";

        public static Arbitrary<string> String() => Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray())).Select(chars => new string(chars)).ToArbitrary();
    }

    [Theory]
    [InlineData("Nguyễn Đức Thắng", "Nguyen Duc Thang")]
    [InlineData("Số 12 — Hà Nội", "So 12 ? Ha Noi")]
    [InlineData("Lò Văn Ún", "Lo Van Un")]
    public void ToAscii_VietnameseText_KeepsCaseAndReplacesOthers(string input, string expected)
    {
        Assert.Equal(expected, VietnameseFolding.ToAscii(input));
    }

    [Fact]
    public void Words_PunctuatedText_SplitsOnNonLetters()
    {
        Assert.Equal(["ho", "tich", "hotich", "khaisinh"], VietnameseFolding.Words("Hộ tịch / hotich.khaisinh"));
    }
}
