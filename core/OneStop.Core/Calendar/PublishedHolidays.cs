namespace OneStop.Core.Calendar;

/// <summary>
/// Which holiday schedule a year uses: the one the province published for it when one has reached this machine,
/// otherwise the built-in <see cref="VietnamPublicHolidays.DefaultYears"/> entry. The hub and every node build their
/// working-day calendar through here.
/// </summary>
public static class PublishedHolidays
{
    /// <summary>Built-in years replaced, year by year, by published ones; published years the table lacks are added.</summary>
    public static IReadOnlyList<HolidayYear> YearsInForce(IEnumerable<HolidayYear> builtIn, IEnumerable<HolidayYear> published)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentNullException.ThrowIfNull(published);
        var byYear = builtIn.ToDictionary(y => y.Year);
        foreach (var year in published)
        {
            byYear[year.Year] = year;
        }

        return [.. byYear.Values.OrderBy(y => y.Year)];
    }

    /// <summary>The working-day calendar with <paramref name="published"/> years in force over the built-in table.</summary>
    public static WorkingDayCalendar Calendar(IEnumerable<HolidayYear> published) =>
        VietnamPublicHolidays.BuildCalendar(YearsInForce(VietnamPublicHolidays.DefaultYears, published));
}
