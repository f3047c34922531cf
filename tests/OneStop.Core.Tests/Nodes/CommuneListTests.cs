using System.Text.Json;
using OneStop.Core.Nodes;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Nodes;

public sealed class CommuneListTests
{
    private static readonly CommuneList List = CommuneList.ParseCommunesJson(RepoData.CommunesJson);

    [Fact]
    public void ParseCommunesJson_RealFile_EveryCommuneOfTheFile()
    {
        using var document = JsonDocument.Parse(RepoData.CommunesJson);
        var expected = document.RootElement.GetProperty("communes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();

        Assert.Equal(expected, List.All.Select(c => c.Code));
    }

    [Theory]
    [InlineData("sa pa")]
    [InlineData("SAPA")]
    [InlineData("Sa Pa")]
    public void Search_WithoutDiacritics_FindsSaPaFirst(string query) => Assert.Equal("03006", List.Search(query)[0].Code);

    [Fact]
    public void Search_ByCode_FindsThatCommune() => Assert.Equal("03006", Assert.Single(List.Search("03006")).Code);

    [Fact]
    public void Search_Nonsense_Nothing() => Assert.Empty(List.Search("zzzqqq"));
}
