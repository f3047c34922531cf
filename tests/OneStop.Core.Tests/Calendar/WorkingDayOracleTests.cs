using FsCheck;
using FsCheck.Xunit;
using OneStop.Core.Calendar;

namespace OneStop.Core.Tests.Calendar;

/// <summary>
/// Issue 16 item 7: due dates compared with an oracle that shares nothing with the product's calendar: weekdays
/// counted one by one in a window with no public holiday (2 June to 29 August 2025: Labour Code 2019 art. 112 and the
/// 2025 decisions put no day off there), and the two National Day days off of 2025 (1 and 2 September) as literals.
/// </summary>
public sealed class WorkingDayOracleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;
    private static readonly DateOnly WindowStart = new(2025, 6, 2);
    private static readonly DateOnly WindowEnd = new(2025, 8, 29);
    private static readonly DateOnly[] NationalDay2025 = [new(2025, 9, 1), new(2025, 9, 2)];

    [Property]
    public bool AddWorkingDays_StartAndCountInHolidayFreeWindow_EqualsNaiveWeekdayCount(byte offset, byte count)
    {
        var start = WindowStart.AddDays(offset % 45);
        var n = count % 25;
        return Calendar.AddWorkingDays(start, n) == NaiveAdd(start, n, []);
    }

    [Theory]
    [InlineData("2025-08-27", 1)]
    [InlineData("2025-08-28", 2)]
    [InlineData("2025-08-29", 3)]
    [InlineData("2025-08-25", 10)]
    public void AddWorkingDays_AcrossNationalDay2025_EqualsNaiveCountSkippingTheLiteralDaysOff(string start, int n)
    {
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(NaiveAdd(from, n, NationalDay2025), Calendar.AddWorkingDays(from, n));
    }

    [Fact]
    public void DueDate_SameDayProcedureEveryHourOfAWeek_EqualsNaiveRule()
    {
        var monday = new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.FromHours(7));
        for (var hour = 0; hour < 7 * 24; hour++)
        {
            var at = monday.AddHours(hour);
            var day = DateOnly.FromDateTime(at.DateTime);
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var expected = weekday && (at.Hour < 15 || (at.Hour == 15 && at.Minute == 0)) ? day : NaiveAdd(day, 1, []);
            if (!weekday)
            {
                // Received on a weekend: counted from (and due on) the next working day.
                expected = day;
                while (expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    expected = expected.AddDays(1);
                }
            }

            Assert.Equal(expected, AppointmentCalculator.DueDate(at, 0, true, Calendar).DueDate);
        }
    }

    /// <summary>From the first working day on or after <paramref name="start"/>, n more working days, one day at a time.</summary>
    private static DateOnly NaiveAdd(DateOnly start, int n, DateOnly[] daysOff)
    {
        bool Working(DateOnly d)
        {
            Assert.True(d >= WindowStart && d <= WindowEnd.AddDays(30), $"{d} is outside the window this oracle knows");
            return d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Array.IndexOf(daysOff, d) < 0;
        }

        var day = start;
        while (!Working(day))
        {
            day = day.AddDays(1);
        }

        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            counted += Working(day) ? 1 : 0;
        }

        return day;
    }
}
