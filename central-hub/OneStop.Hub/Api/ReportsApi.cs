using OneStop.Core.Changes;
using OneStop.Core.Statistics;
using OneStop.Hub.Store;
using OneStop.Reports;

namespace OneStop.Hub.Api;

/// <summary>
/// The province's rates (docs/statistics.md) for a date range, for the whole province or one commune,
/// grouped by commune, procedure or receiving officer; as JSON, CSV or XLSX.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", ReportAsync);
        return api;
    }

    private static async Task<IResult> ReportAsync(
        string? from, string? to, string? by, string? commune, string? format, string? lang, HubStore store, TimeProvider time, CancellationToken ct)
    {
        var today = DossierFactsReader.VietnamDate(time.GetUtcNow());
        if (!ReportQuery.TryParse(from, to, by, commune, today, out var query, out var error))
        {
            return Results.BadRequest(new { error });
        }

        if (format is not (null or "" or "json" or "csv" or "xlsx"))
        {
            return Results.BadRequest(new { error = $"Định dạng '{format}' không hỗ trợ (json, csv, xlsx) / Format '{format}' is not supported (json, csv, xlsx)." });
        }

        var english = lang == "en";
        var facts = await LoadFactsAsync(store, query.Commune, ct);
        var calendar = await AdminConsole.HubHolidayCalendar.CurrentAsync(store, ct);
        var sheet = ReportBuilder.Sheet(facts, query, calendar, english);
        var name = $"onestop-report-{query.Range.First:yyyyMMdd}-{query.Range.Last:yyyyMMdd}";
        return format switch
        {
            "csv" => Results.File(CsvReport.Write(sheet, english), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => Results.File(XlsxReport.Write(sheet, english), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => Results.Ok(new
            {
                from = query.Range.First,
                to = query.Range.Last,
                by = query.By.ToString().ToLowerInvariant(),
                total = sheet.Total,
                rows = sheet.Rows.Select(r => new { key = r.Key, report = r.Value }),
                weekly = DossierRates.Weekly(ReportBuilder.Select(facts, query), query.Range, calendar)
                    .Select(w => new { from = w.Key.First, to = w.Key.Last, report = w.Value }),
            }),
        };
    }

    internal static async Task<IReadOnlyList<DossierFacts>> LoadFactsAsync(HubStore store, string? commune, CancellationToken ct)
    {
        var dossiers = await store.ListAsync(RecordTypes.Dossier, commune, int.MaxValue, ct);
        var feedback = await store.ListAsync(RecordTypes.Feedback, commune, int.MaxValue, ct);
        return ReportBuilder.Facts(dossiers.Select(d => (d.Id, d.Scope, d.DataJson)), feedback.Select(f => f.DataJson));
    }
}
