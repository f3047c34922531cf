using System.Text;
using OneStop.Core.Calendar;
using OneStop.Core.Statistics;
using OneStop.Reports;

namespace OneStop.Core.Tests.Statistics;

public class ReportExportTests
{
    private static readonly RateReport Empty = DossierRates.Compute([], ReportRange.Day(new DateOnly(2026, 9, 1)), WorkingDayCalendar.Default);

    [Fact]
    public void Csv_LabelThatLooksLikeAFormula_StaysText()
    {
        var sheet = new ReportSheet("Cán bộ", ReportRange.Day(new DateOnly(2026, 9, 1)), [KeyValuePair.Create("=HYPERLINK(\"http://x\",\"a,b\")", Empty)], Empty);

        var lines = Encoding.UTF8.GetString(CsvReport.Write(sheet, english: false)).Split("\r\n");

        // RFC 4180 quoting of the comma and quotes, behind the apostrophe that keeps a spreadsheet from evaluating it.
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",0,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_UnknownRate_IsAnEmptyCellNotZero()
    {
        var sheet = new ReportSheet("Xã", ReportRange.Day(new DateOnly(2026, 9, 1)), [], Empty);

        var total = Encoding.UTF8.GetString(CsvReport.Write(sheet, english: true)).Split("\r\n")[1].Split(',');

        Assert.Equal("Total", total[0]);
        Assert.Equal(string.Empty, total[9]); // online % of nothing received
        Assert.Equal("0", total[8]);          // its denominator
    }

    [Fact]
    public void Charts_LabelsAreEscaped_AndUnknownRatesDrawNoBar()
    {
        var svg = ReportCharts.Bars("Đúng hạn <theo xã>", [KeyValuePair.Create("<script>", new Rate(1, 2)), KeyValuePair.Create("xã B", default(Rate))]);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Equal(1, svg.Split("<rect").Length - 1);
        Assert.Contains("50.0 % (1/2)", svg, StringComparison.Ordinal);
    }
}
