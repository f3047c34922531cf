using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Hub.Store;

namespace OneStop.Hub.AdminConsole;

/// <summary>The hub's working-day calendar: the years the province published over the built-in table, as on every node.</summary>
public static class HubHolidayCalendar
{
    public static async Task<IReadOnlyList<HolidayYear>> PublishedYearsAsync(HubStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = await store.ListAsync(RecordTypes.HolidayYear, Scopes.Global, 1_000, cancellationToken);
        return [.. records.Select(r => HolidayYearRecords.TryParse(r.DataJson)).OfType<HolidayYear>()];
    }

    public static async Task<WorkingDayCalendar> CurrentAsync(HubStore store, CancellationToken cancellationToken) =>
        PublishedHolidays.Calendar(await PublishedYearsAsync(store, cancellationToken));
}
