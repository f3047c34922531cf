using OneStop.Core.Text;

namespace OneStop.Core.Tests.Text;

public class LcdTextTests
{
    [Fact]
    public void FitLine_LongVietnamese_CutsTo16AsciiCharacters()
    {
        Assert.Equal("Moi so 015: Phun", LcdText.FitLine("Mời số 015: Phùng Thị Hoa"));
    }

    [Fact]
    public void FitLine_ShortText_PadsWithSpaces()
    {
        Assert.Equal("Mat ket noi     ", LcdText.FitLine("Mất kết nối"));
    }

    [Fact]
    public void FitLine_ZeroWidth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LcdText.FitLine("x", 0));
    }
}
