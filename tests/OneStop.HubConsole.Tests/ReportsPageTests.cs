using Bunit;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Calendar;
using OneStop.Core.Statistics;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;
using OneStop.Reports;

namespace OneStop.HubConsole.Tests;

public sealed class ReportsPageTests : ConsoleTestContext
{
    private static readonly ReportRange September = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));

    // Counted by hand: commune 03006 received 7 (5 of 6 settled on time), commune 03445 received 3 (1 of 2).
    private static readonly RateReport Nothing = DossierRates.Compute([], September, WorkingDayCalendar.Default);
    private static readonly RateReport SaPa = Nothing with { Received = 7, Settled = 6, OnTime = new Rate(5, 6) };
    private static readonly RateReport BatXat = Nothing with { Received = 3, Settled = 2, OnTime = new Rate(1, 2) };
    private static readonly RateReport Both = Nothing with { Received = 10, Settled = 8, OnTime = new Rate(6, 8) };

    public ReportsPageTests() =>
        Services.AddSingleton<IConsoleReports>(new FakeReports(new ConsoleReport(
            new ReportSheet("Xã", September, [KeyValuePair.Create("03006", SaPa), KeyValuePair.Create("03445", BatXat)], Both),
            [KeyValuePair.Create(new ReportRange(new(2026, 9, 1), new(2026, 9, 6)), SaPa), KeyValuePair.Create(new ReportRange(new(2026, 9, 7), new(2026, 9, 13)), BatXat)])));

    [Fact]
    public void Reports_ProvinceMonth_TrendLineAndABarPerCommune()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);
        Services.AddSingleton(TimeProvider.System);

        var page = Render<ReportsPage>();

        Assert.Equal("10", page.Find("[data-testid=total-received]").TextContent);
        Assert.Contains("<polyline", page.Find("[data-testid=chart-trend]").InnerHtml, StringComparison.Ordinal);
        var received = page.Find("[data-testid=chart-received]").InnerHtml;
        Assert.Equal(2, received.Split("<rect").Length - 1);
        Assert.Contains("(7/10)", received, StringComparison.Ordinal);
        Assert.Contains("(1/2)", page.Find("[data-testid=chart-ontime]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_XlsxExport_NumbersAreTheHandCount()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);
        Services.AddSingleton(TimeProvider.System);

        var href = Render<ReportsPage>().Find("[data-testid=export-xlsx]").GetAttribute("href")!;
        using var document = SpreadsheetDocument.Open(new MemoryStream(Convert.FromBase64String(href[(href.IndexOf(',', StringComparison.Ordinal) + 1)..])), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();

        // Columns: label, received, settled (ReportSheet.Headings).
        Assert.Equal(["03006", "7", "6"], rows.Single(r => r[0] == "03006").Take(3));
        Assert.Equal(["03445", "3", "2"], rows.Single(r => r[0] == "03445").Take(3));
        Assert.Equal(["Tổng cộng", "10", "8"], rows.Single(r => r[0] == "Tổng cộng").Take(3));
    }

    private sealed class FakeReports(ConsoleReport report) : IConsoleReports
    {
        public Task<ConsoleReport> ReportAsync(ReportQuery query, bool english, CancellationToken cancellationToken = default) => Task.FromResult(report);
    }
}
