using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Calendar;

/// <summary>
/// The node's working-day calendar: the built-in holiday table, with each year the province has published (and this
/// node has pulled) in force instead of the built-in one. Read at each use, so a year pulled a minute ago counts.
/// </summary>
public sealed class NodeHolidayCalendar(EdgeStore store)
{
    public async Task<WorkingDayCalendar> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var records = await store.ListAsync(RecordTypes.HolidayYear, 1_000, cancellationToken);
        return PublishedHolidays.Calendar(records.Select(r => HolidayYearRecords.TryParse(r.DataJson)).OfType<HolidayYear>());
    }
}
