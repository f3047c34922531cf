using OneStop.Core.Calendar;

namespace OneStop.Core.Tests.Calendar;

public class VietnamPublicHolidaysTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-27")]
    [InlineData("2025-01-31")]
    [InlineData("2025-04-07")]
    [InlineData("2025-04-30")]
    [InlineData("2025-05-01")]
    [InlineData("2025-05-02")]
    [InlineData("2025-09-01")]
    [InlineData("2025-09-02")]
    [InlineData("2026-01-01")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-04-30")]
    [InlineData("2026-05-01")]
    [InlineData("2026-09-02")]
    [InlineData("2027-01-01")]
    [InlineData("2027-02-05")]
    [InlineData("2027-04-16")]
    [InlineData("2027-04-30")]
    [InlineData("2027-05-03")]
    [InlineData("2027-09-02")]
    [InlineData("2027-09-03")]
    public void IsWorkingDay_DefaultHoliday_IsFalse(string date)
    {
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2025-01-02")]
    [InlineData("2025-02-03")]
    [InlineData("2025-04-26")]
    [InlineData("2026-02-23")]
    [InlineData("2026-04-28")]
    public void IsWorkingDay_OrdinaryOrMakeUpDay_IsTrue(string date)
    {
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsWorkingDay_Weekend_IsFalse()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 6, 7)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 6, 8)));
    }

    [Fact]
    public void DaysOff_HungKingsOnSunday_CompensatedOnMonday()
    {
        var year = VietnamPublicHolidays.DefaultYears.Single(y => y.Year == 2026);

        Assert.Equal(DayOfWeek.Sunday, year.HungKingsDay.DayOfWeek);
        Assert.Contains(new DateOnly(2026, 4, 27), VietnamPublicHolidays.DaysOff([year]));
    }

    [Fact]
    public void DaysOff_TwoHolidaysOnWeekend_CompensatedOnSeparateDays()
    {
        // 2/9 on Saturday and an adjacent day on Sunday must give Monday and Tuesday, not Monday twice.
        var year = new HolidayYear(2028, [], new DateOnly(2028, 4, 4), new DateOnly(2028, 9, 3), [], [], Provisional: true);

        var daysOff = VietnamPublicHolidays.DaysOff([year]);

        Assert.Contains(new DateOnly(2028, 9, 4), daysOff);
        Assert.Contains(new DateOnly(2028, 9, 5), daysOff);
    }

    [Fact]
    public void DefaultYears_LunarNewYear_HasFiveWeekdaysEachYear()
    {
        Assert.All(VietnamPublicHolidays.DefaultYears, y =>
        {
            Assert.Equal(5, y.LunarNewYearDaysOff.Count);
            Assert.All(y.LunarNewYearDaysOff, d => Assert.NotEqual(DayOfWeek.Saturday, d.DayOfWeek));
            Assert.All(y.LunarNewYearDaysOff, d => Assert.NotEqual(DayOfWeek.Sunday, d.DayOfWeek));
        });
    }
}
