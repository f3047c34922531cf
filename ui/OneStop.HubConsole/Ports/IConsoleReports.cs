using OneStop.Core.Statistics;
using OneStop.Reports;

namespace OneStop.HubConsole.Ports;

/// <summary>The province's report for the console: the sheet grouped as asked, and the same dossiers week by week.</summary>
public interface IConsoleReports
{
    Task<ConsoleReport> ReportAsync(ReportQuery query, bool english, CancellationToken cancellationToken = default);
}

public sealed record ConsoleReport(ReportSheet Sheet, IReadOnlyList<KeyValuePair<ReportRange, RateReport>> Weekly);
