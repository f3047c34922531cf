using OneStop.Core.Statistics;

namespace OneStop.Core.Tests.Statistics;

public sealed class FeedbackWeeksTests
{
    [Fact]
    public void Summarise_RatingsOverTwoWeeks_CountAndAveragePerMondayNewestFirst()
    {
        // Monday 30 Nov 2026 is a Monday; 23:30 UTC on Sunday 29 Nov is already Monday 06:30 in Vietnam.
        var ratings = new (DateTimeOffset, int)[]
        {
            (new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero), 5),
            (new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), 4),
            (new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero), 4),
            (new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero), 2),
            (new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero), 3),
        };

        var weeks = FeedbackWeeks.Summarise(ratings);

        Assert.Equal(
            [new FeedbackWeek(new DateOnly(2026, 11, 30), 3, 4.3), new FeedbackWeek(new DateOnly(2026, 11, 23), 2, 2.5)],
            weeks);
    }

    [Fact]
    public void Summarise_RatingOutsideOneToFive_Ignored()
    {
        var at = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

        var week = Assert.Single(FeedbackWeeks.Summarise([(at, 0), (at, 6), (at, 3)]));

        Assert.Equal((1, 3.0), (week.Count, week.Average));
    }
}
