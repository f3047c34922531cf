using OneStop.Core.Calendar;
using OneStop.Core.Dossiers;

namespace OneStop.Core.Statistics;

/// <summary>
/// The province's rates computed from <see cref="DossierFacts"/>: one function the hub (province, per commune)
/// and each node (its own commune, offline too) both run, so their figures agree.
/// </summary>
public static class DossierRates
{
    /// <summary>Ratings from this value up count as satisfied (the 5-point scale residents see on the feedback page).</summary>
    public const int SatisfiedFrom = 4;

    public static RateReport Compute(IEnumerable<DossierFacts> dossiers, ReportRange range, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(calendar);
        int received = 0, settled = 0, late = 0, lateDays = 0, pending = 0, overdue = 0, ratingSum = 0;
        Rate online = default, onTime = default, digitised = default, reused = default, cashless = default, satisfied = default;
        foreach (var dossier in dossiers)
        {
            if (range.Contains(dossier.ReceivedOn))
            {
                received++;
                online += Count(dossier.Channel == FilingChannel.Online);
                reused += Count(dossier.DataReused);
                if (dossier.Fee is FeeSettlement.Cash or FeeSettlement.Cashless)
                {
                    cashless += Count(dossier.Fee == FeeSettlement.Cashless);
                }
            }

            if (dossier.IsSettled && range.Contains(dossier.ClosedOn))
            {
                settled++;
                if (dossier.DueOn is { } due)
                {
                    var inTime = dossier.ClosedOn!.Value <= due;
                    onTime += Count(inTime);
                    if (!inTime)
                    {
                        late++;
                        lateDays += WorkingDaysAfter(due, dossier.ClosedOn.Value, calendar);
                    }
                }

                if (dossier.HasResult)
                {
                    digitised += Count(dossier.ResultDigitised);
                }
            }

            if (dossier.ReceivedOn is { } receivedOn && receivedOn <= range.Last && !(dossier.ClosedOn <= range.Last) && dossier.Status != DossierStatus.Draft)
            {
                pending++;
                if (dossier.DueOn < range.Last)
                {
                    overdue++;
                }
            }

            if (dossier.Rating is { } rating && range.Contains(dossier.RatedOn))
            {
                satisfied += Count(rating >= SatisfiedFrom);
                ratingSum += rating;
            }
        }

        return new RateReport(received, settled, late, lateDays, pending, overdue, online, onTime, digitised, reused, cashless, satisfied, ratingSum);
    }

    /// <summary>One report per key (commune, procedure, receiving officer...), ordered by key.</summary>
    public static IReadOnlyList<KeyValuePair<string, RateReport>> By(
        IEnumerable<DossierFacts> dossiers, Func<DossierFacts, string?> key, ReportRange range, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(key);
        return
        [
            .. dossiers
                .GroupBy(dossier => key(dossier) ?? string.Empty, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => KeyValuePair.Create(group.Key, Compute(group, range, calendar))),
        ];
    }

    /// <summary>One report per Monday-to-Sunday week overlapping the range, each clipped to it: the points of a weekly trend line.</summary>
    public static IReadOnlyList<KeyValuePair<ReportRange, RateReport>> Weekly(IReadOnlyCollection<DossierFacts> dossiers, ReportRange range, WorkingDayCalendar calendar)
    {
        var weeks = new List<KeyValuePair<ReportRange, RateReport>>();
        for (var week = ReportRange.Week(range.First); week.First <= range.Last; week = ReportRange.Week(week.Last.AddDays(1)))
        {
            var clipped = new ReportRange(week.First < range.First ? range.First : week.First, week.Last > range.Last ? range.Last : week.Last);
            weeks.Add(KeyValuePair.Create(clipped, Compute(dossiers, clipped, calendar)));
        }

        return weeks;
    }

    /// <summary>Working days in (due, closed]: a dossier settled the first working day after its due date is one day late.</summary>
    public static int WorkingDaysAfter(DateOnly due, DateOnly closed, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = 0;
        for (var day = due.AddDays(1); day <= closed; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days++;
            }
        }

        return days;
    }

    private static Rate Count(bool hit) => new(hit ? 1 : 0, 1);
}
