namespace OneStop.Core.Statistics;

/// <summary>An inclusive range of legal dates a report covers.</summary>
public readonly record struct ReportRange
{
    public ReportRange(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        }

        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public bool Contains(DateOnly? date) => date is { } day && day >= First && day <= Last;

    public static ReportRange Day(DateOnly day) => new(day, day);

    /// <summary>The Monday-to-Sunday week holding <paramref name="day"/> (ISO 8601 weeks, as offices report).</summary>
    public static ReportRange Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(monday, monday.AddDays(6));
    }

    public static ReportRange Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }
}
