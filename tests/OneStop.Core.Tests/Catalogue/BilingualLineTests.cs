using OneStop.Core.Catalogue;

namespace OneStop.Core.Tests.Catalogue;

public sealed class BilingualLineTests
{
    [Fact]
    public void Split_VietnameseSlashEnglish_EachLanguageItsOwnHalf()
    {
        Assert.Equal(("Người thuộc hộ nghèo", "members of poor households"), BilingualLine.Split("Người thuộc hộ nghèo / members of poor households"));
    }

    [Fact]
    public void Split_NoSeparator_SameTextInBoth()
    {
        Assert.Equal(("Người khuyết tật", "Người khuyết tật"), BilingualLine.Split("Người khuyết tật"));
    }

    [Fact]
    public void ParseOne_ShippedCatalogue_EveryProcedureHasItsLegalBasisAndExemptGroupsSplit()
    {
        var birth = RepoData.Procedure("hotich.khaisinh");

        Assert.Contains("Luật Hộ tịch số 60/2014/QH13", birth.LegalBasis);
        Assert.All(birth.FeeExemptGroups, g => Assert.DoesNotContain(" / ", BilingualLine.Split(g).Vi, StringComparison.Ordinal));
        Assert.Equal("members of poor households", BilingualLine.Split(birth.FeeExemptGroups[1]).En);
    }
}
