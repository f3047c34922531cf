using System.Text.Json;
using OneStop.Core.Calendar;

namespace OneStop.Core.Tests.Calendar;

public class PublishedHolidaysTests
{
    private static readonly HolidayYear BuiltIn2027 = VietnamPublicHolidays.DefaultYears.Single(y => y.Year == 2027);

    [Fact]
    public void DueDate_Holiday2027Published_MovesTheDueDateLikeANaiveCount()
    {
        // Monday 7 June 2027, five working days; June 2027 has no holiday in the built-in table.
        var received = new DateTimeOffset(2027, 6, 7, 9, 0, 0, TimeSpan.FromHours(7));
        var dayOff = new DateOnly(2027, 6, 10);
        var published = BuiltIn2027 with { ExtraDaysOff = [dayOff], Provisional = false };

        var before = AppointmentCalculator.DueDate(received, 5, false, PublishedHolidays.Calendar([])).DueDate;
        var after = AppointmentCalculator.DueDate(received, 5, false, PublishedHolidays.Calendar([published])).DueDate;

        Assert.Equal(NaiveDue(new DateOnly(2027, 6, 7), 5, []), before);
        Assert.Equal(NaiveDue(new DateOnly(2027, 6, 7), 5, [dayOff]), after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Calendar_PublishedYear_ReplacesTheBuiltInYearNotAddsToIt()
    {
        // The province moves Tết 2027 one week later: the built-in days are working days again.
        var published = BuiltIn2027 with { LunarNewYearDaysOff = [.. BuiltIn2027.LunarNewYearDaysOff.Select(d => d.AddDays(7))] };

        var calendar = PublishedHolidays.Calendar([published]);

        Assert.All(BuiltIn2027.LunarNewYearDaysOff, d => Assert.True(calendar.IsWorkingDay(d), d.ToString()));
        Assert.All(published.LunarNewYearDaysOff, d => Assert.False(calendar.IsWorkingDay(d), d.ToString()));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void YearsInForce_YearMissingFromTable_IsAdded()
    {
        var year2028 = new HolidayYear(2028, [new(2028, 1, 25)], new(2028, 4, 4), new(2028, 9, 1), [], [], false);

        var years = PublishedHolidays.YearsInForce(VietnamPublicHolidays.DefaultYears, [year2028]);

        Assert.Equal([2025, 2026, 2027, 2028], years.Select(y => y.Year));
    }

    [Fact]
    public void TryParse_ValuesOfAYear_RoundTrip()
    {
        var year = BuiltIn2027 with { ExtraDaysOff = [new(2027, 6, 10)], MakeUpWorkingDays = [new(2027, 6, 19)], Provisional = false };
        var json = "{" + string.Join(",", HolidayYearRecords.ToValues(year).Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value)) + "}";
        using var document = JsonDocument.Parse(json);

        var parsed = HolidayYearRecords.TryParse(document.RootElement);

        Assert.NotNull(parsed);
        Assert.Equal(year.Year, parsed.Year);
        Assert.Equal(year.LunarNewYearDaysOff, parsed.LunarNewYearDaysOff);
        Assert.Equal(year.HungKingsDay, parsed.HungKingsDay);
        Assert.Equal(year.NationalDayAdjacentDay, parsed.NationalDayAdjacentDay);
        Assert.Equal(year.ExtraDaysOff, parsed.ExtraDaysOff);
        Assert.Equal(year.MakeUpWorkingDays, parsed.MakeUpWorkingDays);
    }

    [Fact]
    public void TryParse_UnreadableDate_ReturnsNull()
    {
        using var document = JsonDocument.Parse("""{"year":2027,"lunar_new_year_days_off":["2027-02-31"],"hung_kings_day":"2027-04-16","national_day_adjacent_day":"2027-09-03"}""");

        Assert.Null(HolidayYearRecords.TryParse(document.RootElement));
    }

    // Count a day at a time: Monday to Friday, minus the given days off.
    private static DateOnly NaiveDue(DateOnly from, int workingDays, DateOnly[] daysOff)
    {
        var day = from;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(day))
            {
                counted++;
            }
        }

        return day;
    }
}
