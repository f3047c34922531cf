namespace OneStop.Core.Calendar;

/// <summary>
/// Public holidays under the Labour Code 2019 (Bộ luật Lao động 45/2019/QH14), Art. 112: Tết Dương lịch 1/1,
/// five days of Tết Nguyên Đán, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5, and Quốc khánh 2/9 plus one adjacent day.
/// Art. 111(3): a holiday that falls on the weekly rest day is made up on the next working day.
/// </summary>
public static class VietnamPublicHolidays
{
    /// <summary>2025: as announced. 2026: Tết as announced (16–20/2, nine days 14–22/2); the 2/9 adjacent day is our assumption.
    /// 2027: provisional throughout (Tết around 6/2/2027); replace from the hub when the schedule is published.</summary>
    public static IReadOnlyList<HolidayYear> DefaultYears { get; } =
    [
        new(
            2025,
            [new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31)],
            new DateOnly(2025, 4, 7),
            new DateOnly(2025, 9, 1),
            // Civil servants took Friday 2/5 off and worked Saturday 26/4 instead (30/4–4/5 break).
            [new(2025, 5, 2)],
            [new(2025, 4, 26)],
            Provisional: false),
        new(
            2026,
            [new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20)],
            new DateOnly(2026, 4, 26),
            new DateOnly(2026, 9, 1),
            [],
            [],
            Provisional: true),
        new(
            2027,
            // Lunar New Year's Day is Saturday 6/2/2027; 5/2–9/2 with the weekend days made up on 10/2 and 11/2.
            [new(2027, 2, 5), new(2027, 2, 8), new(2027, 2, 9), new(2027, 2, 10), new(2027, 2, 11)],
            new DateOnly(2027, 4, 16),
            new DateOnly(2027, 9, 3),
            [],
            [],
            Provisional: true),
    ];

    /// <summary>Every day off in the given years, compensation days included.</summary>
    public static IReadOnlySet<DateOnly> DaysOff(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var daysOff = new HashSet<DateOnly>();
        foreach (var year in years)
        {
            var y = year.Year;
            DateOnly[] fixedDays =
            [
                new(y, 1, 1),
                year.HungKingsDay,
                new(y, 4, 30),
                new(y, 5, 1),
                new(y, 9, 2),
                year.NationalDayAdjacentDay,
            ];
            daysOff.UnionWith(year.LunarNewYearDaysOff);
            daysOff.UnionWith(year.ExtraDaysOff);
            foreach (var day in fixedDays)
            {
                daysOff.Add(day);
            }

            foreach (var day in fixedDays.Where(IsWeekend).Order())
            {
                daysOff.Add(NextFreeWeekday(day, daysOff));
            }
        }

        return daysOff;
    }

    public static WorkingDayCalendar BuildCalendar(IEnumerable<HolidayYear> years)
    {
        var list = years.ToList();
        return new WorkingDayCalendar(DaysOff(list), list.SelectMany(y => y.MakeUpWorkingDays));
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // "The next working day": skip weekends and days that are already off, so 30/4 and 1/5 on Fri/Sat do not
    // both land on Monday.
    private static DateOnly NextFreeWeekday(DateOnly day, HashSet<DateOnly> daysOff)
    {
        var next = day.AddDays(1);
        while (IsWeekend(next) || daysOff.Contains(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
