using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Reports;
using OneStop.Ui.Components;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Reports;

/// <summary>The commune report as a CSV or XLSX download: a file is a plain HTTP response, not a page.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/export", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(string? from, string? to, string? by, string? format, string? lang, IDeskReports reports, TimeProvider time, HttpContext http)
    {
        RequestUser.Provide(http);
        if (!ReportQuery.TryParse(from, to, by, null, DeskClock.Today(time), out var query, out var error))
        {
            return Results.BadRequest(new { error });
        }

        var english = lang == "en";
        try
        {
            var sheet = (await reports.ReportAsync(query, english, http.RequestAborted)).Sheet;
            var name = $"bao-cao-{query.Range.First:yyyyMMdd}-{query.Range.Last:yyyyMMdd}";
            return format switch
            {
                "csv" => Results.File(CsvReport.Write(sheet, english), "text/csv; charset=utf-8", name + ".csv"),
                "xlsx" => Results.File(XlsxReport.Write(sheet, english), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                _ => Results.BadRequest(new { error = $"Định dạng '{format}' không hỗ trợ (csv, xlsx) / Format '{format}' is not supported (csv, xlsx)." }),
            };
        }
        catch (DeskForbiddenException)
        {
            return Results.Forbid();
        }
    }
}
