using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Core.Statistics;
using OneStop.Edge.Store;
using OneStop.Reports;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The commune's report from the node's own records, with the same rules the hub runs (<see cref="ReportBuilder"/>).</summary>
public sealed class EdgeDeskReports(EdgeStore store, IOptions<EdgeOptions> options, AuthenticationStateProvider authentication) : IDeskReports
{
    public async Task<DeskReport> ReportAsync(ReportQuery query, bool english, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await authentication.RequireAsync(DeskAction.ReadReports);
        var commune = options.Value.CommuneCode;
        var dossiers = await store.ListAsync(RecordTypes.Dossier, int.MaxValue, cancellationToken);
        var feedback = await store.ListAsync(RecordTypes.Feedback, int.MaxValue, cancellationToken);
        var facts = ReportBuilder.Facts(
            dossiers.Where(d => d.Scope == commune).Select(d => (d.Id, d.Scope, d.DataJson)),
            feedback.Select(f => f.DataJson));
        var own = query with { Commune = null };
        var calendar = WorkingDayCalendar.Default;
        return new DeskReport(ReportBuilder.Sheet(facts, own, calendar, english), DossierRates.Weekly([.. facts], own.Range, calendar));
    }
}
