using OneStop.Core.Tests.Catalogue;
using OneStop.Core.Text;

namespace OneStop.Core.Tests.Text;

public class ProcedureSearchTests
{
    [Theory]
    [InlineData("khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("Khai sinh")]
    [InlineData("đăng ký khai sinh")]
    [InlineData("dang ky khai sinh")]
    public void Search_BirthQueries_RankBirthRegistrationFirst(string query)
    {
        var results = ProcedureSearch.Search(RepoData.Procedures, query);

        Assert.Equal("hotich.khaisinh", results[0].Code);
        Assert.Contains(results, p => p.Code == "hotich.khaisinh_quahan");
        Assert.DoesNotContain(results, p => p.Code == "hotich.khaitu");
    }

    [Fact]
    public void Search_Code_FindsProcedure()
    {
        var results = ProcedureSearch.Search(RepoData.Procedures, "chungthuc.chuky");

        Assert.Equal("chungthuc.chuky", results[0].Code);
    }

    [Fact]
    public void Search_FieldName_FindsAllResidenceProcedures()
    {
        var results = ProcedureSearch.Search(RepoData.Procedures, "cu tru");

        Assert.Equal(["cutru.thuongtru", "cutru.tamtru"], results.Select(p => p.Code).Order().Reverse());
    }

    [Fact]
    public void Search_EnglishName_FindsProcedure()
    {
        var results = ProcedureSearch.Search(RepoData.Procedures, "death registration");

        Assert.Equal("hotich.khaitu", results[0].Code);
    }

    [Fact]
    public void Search_EmptyQuery_ReturnsCatalogueInOrder()
    {
        Assert.Equal(RepoData.Procedures, ProcedureSearch.Search(RepoData.Procedures, " "));
    }

    [Fact]
    public void Rank_NameHit_OutranksFieldHit()
    {
        var items = new[] { new SearchTexts("Chứng thực chữ ký", Field: "Hộ tịch"), new SearchTexts("Cấp bản sao trích lục hộ tịch") };

        var ranked = SearchRanking.Rank(items, "ho tich", t => t);

        Assert.Equal("Cấp bản sao trích lục hộ tịch", ranked[0].Item.Name);
        Assert.Equal(2, ranked.Count);
    }
}
