using OneStop.Core.Statistics;
using OneStop.Hub.Api;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;
using OneStop.Reports;

namespace OneStop.Hub.AdminConsole;

/// <summary>The console's reports from the same facts and rules as the reports API (<see cref="ReportsApi"/>).</summary>
internal sealed class ConsoleReports(HubStore store) : IConsoleReports
{
    public async Task<ConsoleReport> ReportAsync(ReportQuery query, bool english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var facts = await ReportsApi.LoadFactsAsync(store, query.Commune, cancellationToken);
        var calendar = await HubHolidayCalendar.CurrentAsync(store, cancellationToken);
        return new ConsoleReport(ReportBuilder.Sheet(facts, query, calendar, english), DossierRates.Weekly(ReportBuilder.Select(facts, query), query.Range, calendar));
    }
}
