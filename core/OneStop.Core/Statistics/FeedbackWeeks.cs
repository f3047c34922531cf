using System.Globalization;

namespace OneStop.Core.Statistics;

/// <summary>One week of residents' ratings: how many, and their average (1 to 5).</summary>
/// <param name="WeekStart">The Monday the week starts on, in Vietnam.</param>
/// <param name="Count">Ratings given that week.</param>
/// <param name="Average">Their mean, rounded to one decimal.</param>
public sealed record FeedbackWeek(DateOnly WeekStart, int Count, double Average);

/// <summary>Ratings grouped by the Monday-to-Sunday week (Vietnam time) they were given in, newest week first.</summary>
public static class FeedbackWeeks
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static IReadOnlyList<FeedbackWeek> Summarise(IEnumerable<(DateTimeOffset At, int Rating)> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return [.. ratings
            .Where(r => r.Rating is >= 1 and <= 5)
            .GroupBy(r => WeekStart(r.At))
            .OrderByDescending(g => g.Key)
            .Select(g => new FeedbackWeek(g.Key, g.Count(), Math.Round(g.Average(r => r.Rating), 1, MidpointRounding.AwayFromZero)))];
    }

    /// <summary>The Monday of the week <paramref name="at"/> falls in, in Vietnam.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(VietnamOffset).DateTime);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }

    /// <summary>"4.3" whatever the culture: the average as the report prints it.</summary>
    public static string Format(double average) => average.ToString("0.0", CultureInfo.InvariantCulture);
}
