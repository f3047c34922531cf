using OneStop.Core.Identity;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Identity;

public class ProvinceCodeListTests
{
    [Fact]
    public void ParseCommunesJson_RealFile_Reads63Codes()
    {
        var list = ProvinceCodeList.ParseCommunesJson(RepoData.CommunesJson);

        Assert.Equal(63, list.Codes.Count);
        Assert.Equal("Tỉnh Lào Cai", list.NameOf("010"));
    }

    [Fact]
    public void Default_EmbeddedList_EqualsCommunesJson()
    {
        var parsed = ProvinceCodeList.ParseCommunesJson(RepoData.CommunesJson);

        Assert.Equal(parsed.Codes.Order(), ProvinceCodeList.Default.Codes.Order());
        Assert.All(parsed.Codes, c => Assert.Equal(parsed.NameOf(c), ProvinceCodeList.Default.NameOf(c)));
    }

    [Fact]
    public void ParseCommunesJson_TwoDigitCode_ThrowsFormatException()
    {
        const string json = """{"cccd_birth_registration_province_codes":{"codes":[{"code":"02","province_name_before_2025":"x"}]}}""";

        Assert.Throws<FormatException>(() => ProvinceCodeList.ParseCommunesJson(json));
    }
}
