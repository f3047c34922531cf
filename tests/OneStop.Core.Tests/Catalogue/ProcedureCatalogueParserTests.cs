using OneStop.Core.Catalogue;

namespace OneStop.Core.Tests.Catalogue;

public class ProcedureCatalogueParserTests
{
    [Fact]
    public void Parse_RealCatalogue_ReadsAll22ProceduresWithCodesAndFees()
    {
        var procedures = RepoData.Procedures;

        Assert.Equal(22, procedures.Count);
        Assert.All(procedures, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Code));
            Assert.False(string.IsNullOrWhiteSpace(p.NameVi));
            Assert.NotEmpty(p.Fees);
            Assert.All(p.Fees, f => Assert.False(string.IsNullOrEmpty(f.Key)));
        });
        Assert.Equal(22, procedures.Select(p => p.Code).Distinct().Count());
    }

    [Fact]
    public void Parse_CopyCertification_KeepsFormulaAndPageUnits()
    {
        var copy = RepoData.Procedure("chungthuc.bansao");

        Assert.Contains("min(200000", copy.FeeFormula, StringComparison.Ordinal);
        Assert.Equal(["per_page", "per_page", "per_copy_max"], copy.Fees.Select(f => f.Unit));
        Assert.True(copy.SameDay);
    }

    [Fact]
    public void Parse_BirthRegistration_ReadsDeadlineAndExemptGroups()
    {
        var birth = RepoData.Procedure("hotich.khaisinh");

        Assert.Equal(new StatutoryDeadline(60, "date_of_birth", "Luật Hộ tịch 2014, Điều 15"), birth.StatutoryDeadline);
        Assert.Equal(3, birth.FeeExemptGroups.Count);
        Assert.Equal("decide_at_commune", birth.Handling);
    }

    [Fact]
    public void Parse_DisabilityAssessment_ReadsCalendarDayPhase()
    {
        var details = RepoData.Procedure("btxh.xacdinh_khuyettat").ProcessingTime;

        Assert.Equal(30, details.CalendarDays);
        Assert.Equal(5, details.ThenWorkingDays);
        Assert.True(details.Estimate);
    }

    [Fact]
    public void Parse_LandRegistration_ReadsRemoteAreaExtensionAndUnknownAmount()
    {
        var land = RepoData.Procedure("datdai.dangky_cap_gcn_lan_dau");

        Assert.Equal(10, land.ProcessingTime.ExtensionRemoteAreaWorkingDays);
        Assert.Null(land.Fees.Single(f => f.Key == "appraisal_fee").AmountVnd);
        Assert.True(land.Fees[0].ExampleOnly);
    }
}
