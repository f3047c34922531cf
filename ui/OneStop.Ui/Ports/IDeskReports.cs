using OneStop.Core.Statistics;
using OneStop.Reports;

namespace OneStop.Ui.Ports;

/// <summary>The commune's own rates, computed on the node from its own records, so they work offline.</summary>
public interface IDeskReports
{
    /// <exception cref="Security.DeskForbiddenException">The user may not read reports.</exception>
    Task<DeskReport> ReportAsync(ReportQuery query, bool english, CancellationToken cancellationToken = default);
}

/// <param name="Sheet">Rows per group and the total.</param>
/// <param name="Weekly">The total per week, for the trend chart.</param>
public sealed record DeskReport(ReportSheet Sheet, IReadOnlyList<KeyValuePair<ReportRange, RateReport>> Weekly);
