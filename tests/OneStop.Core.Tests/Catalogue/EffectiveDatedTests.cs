using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Core.Fees;

namespace OneStop.Core.Tests.Catalogue;

public class EffectiveDatedTests
{
    // One procedure as a node receives it: base fee 8,000 đ, then two published tables, listed out of date order.
    private const string Versioned = """
        {
          "code": "test.versioned",
          "name_vi": "Thủ tục thử", "name_en": "Test procedure",
          "processing_time": { "working_days": 3 },
          "fees": [ { "key": "standard", "amount_vnd": 8000, "unit": "per_case" } ],
          "fee_versions": [
            { "effective_from": "2027-03-01", "fees": [ { "key": "standard", "amount_vnd": 12000, "unit": "per_case" } ] },
            { "effective_from": "2027-01-01", "fees": [ { "key": "standard", "amount_vnd": 10000, "unit": "per_case" } ] },
            { "effective_from": "not a date", "fees": [ { "key": "standard", "amount_vnd": 999999, "unit": "per_case" } ] }
          ]
        }
        """;

    // Hand-written table: what the published resolutions say a dossier received that day pays.
    [Theory]
    [InlineData("2026-12-31", 8000)]
    [InlineData("2027-01-01", 10000)]
    [InlineData("2027-02-28", 10000)]
    [InlineData("2027-03-01", 12000)]
    [InlineData("2030-06-15", 12000)]
    public void Quote_FeeVersions_ChargesTheTableInForceOnTheReceiptDate(string receivedOn, long expected)
    {
        var procedure = Parse(Versioned);

        var quote = FeeCalculator.Quote(procedure, new FeeRequest(DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, quote.TotalVnd);
    }

    [Fact]
    public void Parse_UndatedVersion_IsDroppedNotCharged()
    {
        var procedure = Parse(Versioned);

        Assert.Equal([new DateOnly(2027, 3, 1), new DateOnly(2027, 1, 1)], procedure.FeeVersions.Select(v => v.EffectiveFrom));
    }

    [Fact]
    public void Quote_NoFeeVersions_KeepsTheCatalogueFeeOnAnyDate()
    {
        var procedure = Parse(Versioned.Replace("fee_versions", "unknown_key", StringComparison.Ordinal));

        Assert.Equal(8000, FeeCalculator.Quote(procedure, new FeeRequest(new DateOnly(2031, 1, 1))).TotalVnd);
    }

    [Fact]
    public void InForce_TwoVersionsSameDate_LaterPublicationWins()
    {
        var day = new DateOnly(2027, 1, 1);
        string[] versions = ["first", "correction"];

        Assert.Equal("correction", EffectiveDated.InForce(versions, _ => day, day));
        Assert.Null(EffectiveDated.InForce(versions, _ => day, day.AddDays(-1)));
    }

    [Theory]
    [InlineData("2027-06-30", false)]
    [InlineData("2027-07-01", true)]
    public void IsRetiredOn_RetiredFrom_CountsFromThatDay(string day, bool retired)
    {
        var procedure = Parse(Versioned.Replace("\"fees\": [ { \"key\": \"standard\", \"amount_vnd\": 8000", "\"retired_from\": \"2027-07-01\", \"fees\": [ { \"key\": \"standard\", \"amount_vnd\": 8000", StringComparison.Ordinal));

        Assert.Equal(retired, procedure.IsRetiredOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Procedure Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }
}

public class FeeTablePublicationTests
{
    private const string Fees = """[{"key":"late","label_vi":"Đăng ký quá hạn","amount_vnd":8000,"unit":"per_case","set_by":"province"}]""";

    [Fact]
    public void AddVersion_Twice_EachReceiptDateChargesItsOwnTable()
    {
        var first = FeeTablePublication.AddVersion(Fees, null, new DateOnly(2027, 1, 1), new Dictionary<string, long> { ["late"] = 10000 });
        var second = FeeTablePublication.AddVersion(Fees, first, new DateOnly(2027, 3, 1), new Dictionary<string, long> { ["late"] = 12000 });
        var procedure = Parse(second);

        Assert.Equal(8000, procedure.FeesOn(new DateOnly(2026, 12, 31)).Single().AmountVnd);
        Assert.Equal(10000, procedure.FeesOn(new DateOnly(2027, 2, 1)).Single().AmountVnd);
        Assert.Equal(12000, procedure.FeesOn(new DateOnly(2027, 3, 1)).Single().AmountVnd);
        Assert.Equal("Đăng ký quá hạn", procedure.FeesOn(new DateOnly(2027, 3, 1)).Single().LabelVi);
        Assert.Equal("province", procedure.FeesOn(new DateOnly(2027, 3, 1)).Single().SetBy);
    }

    private static Procedure Parse(string feeVersions)
    {
        using var document = JsonDocument.Parse($$"""{"code":"x","fees":{{Fees}},"fee_versions":{{feeVersions}}}""");
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }
}
