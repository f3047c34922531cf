using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Calendar;
using OneStop.Core.Dossiers;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The dossier list's port over the store's query; the role is checked here, on the server.</summary>
public sealed class EdgeDeskDossierSearch(DossierSearch search, AuthenticationStateProvider authentication, TimeProvider time) : IDeskDossierSearch
{
    // "Due soon" gives the desk two working days to chase a dossier before it is late.
    private const int DueSoonWorkingDays = 2;

    public async Task<DeskDossierPage> SearchAsync(DeskDossierQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var user = await authentication.RequireAsync(DeskAction.ReadDossiers);
        var page = Math.Max(1, query.Page);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);
        var criteria = new DossierSearchCriteria(query.Text, query.Status?.ToName(), query.ProcedureCode, query.From, query.To, (page - 1) * query.PageSize, query.PageSize);
        criteria = query.Due switch
        {
            DeskDueFilter.Overdue => criteria with { OpenOnly = true, DueTo = today.AddDays(-1) },
            DeskDueFilter.Soon => criteria with { OpenOnly = true, DueFrom = today, DueTo = WorkingDayCalendar.Default.AddWorkingDays(today, DueSoonWorkingDays) },
            _ => criteria,
        };
        if (VolunteerView.IsVolunteer(user))
        {
            criteria = criteria with { DraftsOf = user.UserName() };
        }

        var found = await search.SearchAsync(criteria, cancellationToken);
        return new DeskDossierPage([.. found.Items.Select(r => VolunteerView.Shown(user, DeskDossierReader.Read(r)))], found.Total, page, query.PageSize);
    }
}
