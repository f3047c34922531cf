using OneStop.Core.Text;

namespace OneStop.Core.Tests.Text;

public class SearchMatcherTests
{
    [Theory]
    [InlineData("khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("Khai Sinh")]
    [InlineData("khai sính")]
    [InlineData("đăng ký")]
    [InlineData("dang ky khai")]
    [InlineData("kha si")]
    [InlineData("sinh")]
    [InlineData("khaisinh")]
    [InlineData("  khai   sinh ")]
    public void Matches_TypedVariants_FindBirthRegistration(string query)
    {
        Assert.True(SearchMatcher.Matches(query, "Đăng ký khai sinh"));
    }

    [Theory]
    [InlineData("khai tu")]
    [InlineData("ket hon")]
    [InlineData("")]
    [InlineData("   ")]
    public void Matches_OtherWordsOrEmpty_DoNotMatch(string query)
    {
        Assert.False(SearchMatcher.Matches(query, "Đăng ký khai sinh"));
    }

    [Fact]
    public void Matches_SurnameWithoutTones_FindsNguyen()
    {
        Assert.True(SearchMatcher.Matches("nguyen", "Nguyễn Văn Hùng"));
    }

    [Fact]
    public void Score_ExactBeatsPrefixBeatsWordPrefix()
    {
        var exact = SearchMatcher.Score("dang ky khai sinh", "Đăng ký khai sinh");
        var prefix = SearchMatcher.Score("dang ky", "Đăng ký khai sinh");
        var wordPrefix = SearchMatcher.Score("sin", "Đăng ký khai sinh");

        Assert.True(exact > prefix);
        Assert.True(prefix > wordPrefix);
        Assert.True(wordPrefix > 0);
    }
}
