namespace OneStop.EndToEnd.Tests.Oracles;

/// <summary>
/// Working days counted a day at a time, Monday to Friday, for windows with no public holiday (the test picks them:
/// 2025-06-02 to 2025-08-29 has none under the Labour Code 2019, art. 112, and the 2025 holiday decisions).
/// </summary>
internal static class NaiveWorkingDays
{
    public static readonly DateOnly WindowStart = new(2025, 6, 2);
    public static readonly DateOnly WindowEnd = new(2025, 8, 29);

    public static bool IsWorkingDay(DateOnly day)
    {
        if (day < WindowStart || day > WindowEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "outside the holiday-free window this oracle knows");
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>procedures.json common_rules: same-day procedures return the day received, or the next working day when received after 15:00.</summary>
    public static DateOnly SameDayDue(DateTimeOffset receivedAt)
    {
        var local = receivedAt.ToOffset(TimeSpan.FromHours(7));
        var day = DateOnly.FromDateTime(local.DateTime);
        var late = TimeOnly.FromDateTime(local.DateTime) > new TimeOnly(15, 0);
        if (IsWorkingDay(day) && !late)
        {
            return day;
        }

        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return day;
    }
}
