using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OneStop.Core.Fees;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Fees;

public class FeeCalculatorTests
{
    private static readonly DateOnly Today = new(2025, 6, 10);

    [Theory]
    [InlineData(1, 1, 2000)]
    [InlineData(2, 1, 4000)]
    [InlineData(3, 1, 5000)]
    [InlineData(10, 1, 12000)]
    [InlineData(10, 3, 36000)]
    [InlineData(198, 1, 200000)]
    [InlineData(199, 1, 200000)]
    [InlineData(500, 2, 400000)]
    public void Quote_CopyCertification_FollowsFormulaWithCap(int pages, int copies, long total)
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("chungthuc.bansao"), new FeeRequest(Today) { Pages = pages, Copies = copies });

        var line = Assert.Single(quote.Lines);
        Assert.Equal(FeeCalculator.CopyCertificationKey, line.Key);
        Assert.Equal(copies, line.Quantity);
        Assert.Equal(total, quote.TotalVnd);
    }

    // Pages and copies are both ints with different ranges, so the generators stay inline rather than in an Arbitrary
    // class keyed by type; [Property] runs the returned property.
    [Property]
    public Property Quote_CopyCertification_MatchesCatalogueFormulaForAnyPagesAndCopies()
    {
        var procedure = RepoData.Procedure("chungthuc.bansao");
        return Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (pages, copies) =>
        {
            long perCopy = Math.Min(200000, (2000 * Math.Min(pages, 2)) + (1000 * Math.Max(pages - 2, 0)));
            var quote = FeeCalculator.Quote(procedure, new FeeRequest(Today) { Pages = pages, Copies = copies });
            return quote.TotalVnd == perCopy * copies;
        });
    }

    [Fact]
    public void Quote_ExtractCopies_PerCopy()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.trichluc_bansao"), new FeeRequest(Today) { Copies = 3 });

        Assert.Equal(24000, quote.TotalVnd);
    }

    [Fact]
    public void Quote_BirthWithin60Days_ExemptAsOnTime()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaisinh"), new FeeRequest(Today) { EventDate = Today.AddDays(-60) });

        var line = Assert.Single(quote.Lines);
        Assert.Equal("on_time", line.Key);
        Assert.Equal(0, quote.TotalVnd);
        Assert.NotNull(line.ExemptionVi);
    }

    [Fact]
    public void Quote_BirthAfter60Days_NotesLateProcedure()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaisinh"), new FeeRequest(Today) { EventDate = Today.AddDays(-61) });

        Assert.Single(quote.Notes);
        Assert.Null(quote.Lines[0].ExemptionVi);
    }

    [Fact]
    public void Quote_DeathWithin15Days_OnTimeLineExempt()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaitu"), new FeeRequest(Today) { EventDate = Today.AddDays(-15) });

        Assert.Equal("on_time", Assert.Single(quote.Lines).Key);
        Assert.Equal(0, quote.TotalVnd);
    }

    [Fact]
    public void Quote_DeathAfter15Days_LateFeeCharged()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaitu"), new FeeRequest(Today) { EventDate = Today.AddDays(-16) });

        Assert.Equal("late", Assert.Single(quote.Lines).Key);
        Assert.Equal(5000, quote.TotalVnd);
    }

    [Fact]
    public void Quote_LateDeathPoorHousehold_ExemptByGroup()
    {
        var request = new FeeRequest(Today) { EventDate = Today.AddDays(-40), ExemptGroup = "Người thuộc hộ nghèo" };

        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaitu"), request);

        Assert.Equal(0, quote.TotalVnd);
        Assert.Equal(5000, quote.Lines[0].UnitAmountVnd);
        Assert.Contains("hộ nghèo", quote.Lines[0].ExemptionVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_ExemptGroupOnProcedureWithoutGroups_NotAppliedAndNoted()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("chungthuc.chuky"), new FeeRequest(Today) { ExemptGroup = "Người khuyết tật" });

        Assert.Equal(10000, quote.TotalVnd);
        Assert.Single(quote.Notes);
    }

    [Fact]
    public void Quote_CombinedBirthAndRecognition_ChargesBothParts()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("hotich.khaisinh_nhan_cmc"), new FeeRequest(Today));

        Assert.Equal(["birth_part", "recognition_part"], quote.Lines.Select(l => l.Key));
        Assert.Equal(10000, quote.TotalVnd);
    }

    [Fact]
    public void Quote_TemporaryResidenceGroupList_PerPerson()
    {
        var request = new FeeRequest(Today) { FeeKeys = ["list_direct"], Persons = 4 };

        var quote = FeeCalculator.Quote(RepoData.Procedure("cutru.tamtru"), request);

        Assert.Equal(40000, quote.TotalVnd);
        Assert.Equal(4, quote.Lines[0].Quantity);
    }

    [Fact]
    public void Quote_ResidenceDefault_FirstAlternativeOnly()
    {
        var quote = FeeCalculator.Quote(RepoData.Procedure("cutru.thuongtru"), new FeeRequest(Today));

        Assert.Equal("direct", Assert.Single(quote.Lines).Key);
        Assert.Equal(20000, quote.TotalVnd);
    }

    [Fact]
    public void Quote_LandWithUnknownAppraisalFee_Incomplete()
    {
        var request = new FeeRequest(Today) { FeeKeys = ["certificate_fee", "appraisal_fee"] };

        var quote = FeeCalculator.Quote(RepoData.Procedure("datdai.dangky_cap_gcn_lan_dau"), request);

        Assert.False(quote.IsComplete);
        Assert.Equal(25000, quote.TotalVnd);
    }

    [Fact]
    public void Quote_UnknownFeeKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => FeeCalculator.Quote(RepoData.Procedure("chungthuc.chuky"), new FeeRequest(Today) { FeeKeys = ["nope"] }));
    }

    [Fact]
    public void Quote_EveryCatalogueProcedure_DefaultQuoteHasLines()
    {
        Assert.All(RepoData.Procedures, p =>
        {
            var quote = FeeCalculator.Quote(p, new FeeRequest(Today) { Pages = 1 });
            Assert.NotEmpty(quote.Lines);
            Assert.True(quote.TotalVnd >= 0);
        });
    }

    [Fact]
    public void IsOnTime_NoDeadline_Null()
    {
        Assert.Null(FeeCalculator.IsOnTime(RepoData.Procedure("chungthuc.chuky"), new FeeRequest(Today) { EventDate = Today }));
    }
}
