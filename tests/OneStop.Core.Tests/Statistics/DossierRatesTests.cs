using OneStop.Core.Calendar;
using OneStop.Core.Dossiers;
using OneStop.Core.Statistics;

namespace OneStop.Core.Tests.Statistics;

/// <summary>
/// A known September 2026 (1 and 2 September are the National Day holidays; 1 September is a Tuesday) across two
/// communes, four channels and every way a dossier ends. Each expected figure was counted by hand from the table
/// below, not computed: the comments show the count.
/// </summary>
public class DossierRatesTests
{
    private const string A = "00004";
    private const string B = "00007";
    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)]);
    private static readonly ReportRange September = ReportRange.Month(2026, 9);

    private static DateOnly Sep(int day) => new(2026, 9, day);

    private static readonly DossierFacts[] Month =
    [
        // #1 same-day, on time, digitised, cash, rated 5 on 3/9
        new(A, "hotich.khaisinh", DossierStatus.ResultReturned, FilingChannel.Desk, "can.bo.1", Sep(3), Sep(3), Sep(3), FeeSettlement.Cash, true, false, 5, Sep(3)),
        // #2 online, on time, digitised, reused, cashless, rated 4 on 9/9
        new(A, "hotich.xacnhan_tthn", DossierStatus.Approved, FilingChannel.Online, "can.bo.1", Sep(4), Sep(9), Sep(8), FeeSettlement.Cashless, true, true, 4, Sep(9)),
        // #3 online, late: due Thu 10/9, settled Mon 14/9 → Fri 11 and Mon 14 = 2 working days; paper result; cashless; rated 2 on 15/9
        new(A, "hotich.xacnhan_tthn", DossierStatus.ResultReturned, FilingChannel.Online, "can.bo.2", Sep(7), Sep(10), Sep(14), FeeSettlement.Cashless, false, false, 2, Sep(15)),
        // #4 assisted, rejected on time, reused, no fee
        new(A, "hotich.giamho", DossierStatus.Rejected, FilingChannel.Assisted, "can.bo.2", Sep(8), Sep(11), Sep(11), FeeSettlement.None, false, true),
        // #5 kiosk, still processing, due 18/9: pending and overdue at the month's end
        new(A, "hotich.giamho", DossierStatus.Processing, FilingChannel.Kiosk, "can.bo.1", Sep(15), Sep(18), null, FeeSettlement.None, false, false),
        // #6 received 28/9, due 1/10: pending, not overdue
        new(A, "hotich.giamho", DossierStatus.Received, FilingChannel.Desk, "can.bo.1", Sep(28), new DateOnly(2026, 10, 1), null, FeeSettlement.None, false, false),
        // #7 withdrawn 11/9: received, neither settled nor pending
        new(A, "hotich.giamho", DossierStatus.Withdrawn, FilingChannel.Desk, "can.bo.2", Sep(10), Sep(15), Sep(11), FeeSettlement.None, false, false),
        // #8 a draft: counts nowhere
        new(A, "hotich.giamho", DossierStatus.Draft, FilingChannel.Assisted, null, null, null, null, FeeSettlement.None, false, false),
        // #9 received in August (Mon 31/8), settled Mon 7/9 after a due date of Fri 4/9 → 1 working day late; rated in August
        new(A, "hotich.khaisinh", DossierStatus.Approved, FilingChannel.Desk, "can.bo.1", new DateOnly(2026, 8, 31), Sep(4), Sep(7), FeeSettlement.Cash, true, false, 5, new DateOnly(2026, 8, 31)),
        // #10 commune B, online, on time, digitised, exempt, rated 3 on 25/9
        new(B, "hotich.khaisinh", DossierStatus.ResultReturned, FilingChannel.Online, "can.bo.3", Sep(21), Sep(24), Sep(24), FeeSettlement.Exempt, true, false, 3, Sep(25)),
        // #11 commune B, settled 2/10: still pending (and overdue, due 25/9) at the end of September
        new(B, "hotich.khaisinh", DossierStatus.Approved, FilingChannel.Desk, "can.bo.3", Sep(22), Sep(25), new DateOnly(2026, 10, 2), FeeSettlement.None, false, false),
        // #12 commune B, same-day received Tue 29/9, settled Wed 30/9 → 1 working day late; cash
        new(B, "chungthuc.bansao", DossierStatus.Approved, FilingChannel.Desk, "can.bo.3", Sep(29), Sep(29), Sep(30), FeeSettlement.Cash, false, false),
        // #13 received in August, never settled, due 25/8: pending and overdue
        new(A, "hotich.giamho", DossierStatus.Processing, FilingChannel.Desk, "can.bo.2", new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 25), null, FeeSettlement.None, false, false),
        // #14 received in October: counts nowhere in September
        new(A, "hotich.giamho", DossierStatus.Received, FilingChannel.Online, "can.bo.1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 6), null, FeeSettlement.Cashless, false, true),
    ];

    [Fact]
    public void Compute_KnownMonth_EveryFigureMatchesTheHandCount()
    {
        var report = DossierRates.Compute(Month, September, Calendar);

        Assert.Equal(10, report.Received);                   // #1–#7, #10–#12
        Assert.Equal(new Rate(3, 10), report.Online);         // #2, #3, #10
        Assert.Equal(new Rate(2, 10), report.Reused);         // #2, #4
        Assert.Equal(new Rate(2, 4), report.Cashless);        // #2, #3 of paid #1, #2, #3, #12 (#10 exempt)
        Assert.Equal(7, report.Settled);                     // #1, #2, #3, #4, #9, #10, #12
        Assert.Equal(new Rate(4, 7), report.OnTime);          // #1, #2, #4, #10
        Assert.Equal(3, report.Late);                        // #3, #9, #12
        Assert.Equal(4, report.LateWorkingDays);             // 2 + 1 + 1
        Assert.Equal(new Rate(4, 6), report.Digitised);       // #1, #2, #9, #10 of results #1, #2, #3, #9, #10, #12
        Assert.Equal(4, report.Pending);                     // #5, #6, #11, #13
        Assert.Equal(3, report.PendingOverdue);              // #5, #11, #13
        Assert.Equal(new Rate(2, 4), report.Satisfied);       // 5 and 4 of 5, 4, 2, 3
        Assert.Equal(3.5, report.AverageRating);             // 14 / 4
    }

    [Fact]
    public void By_Commune_SplitsTheMonthAsCountedByHand()
    {
        var reports = DossierRates.By(Month, facts => facts.Commune, September, Calendar);

        Assert.Equal([A, B], reports.Select(pair => pair.Key));
        var b = reports[1].Value;
        Assert.Equal(3, b.Received);                 // #10, #11, #12
        Assert.Equal(new Rate(1, 3), b.Online);       // #10
        Assert.Equal(new Rate(1, 2), b.OnTime);       // #10 of #10, #12
        Assert.Equal(new Rate(1, 2), b.Digitised);    // #10 of #10, #12
        Assert.Equal(new Rate(0, 1), b.Cashless);     // #12 paid cash
        Assert.Equal(1, b.Pending);                  // #11
        Assert.Equal(3.0, b.AverageRating);          // #10
        Assert.Equal(7, reports[0].Value.Received);  // #1–#7
    }

    [Fact]
    public void Compute_IsoWeek_CountsOnlyThatWeek()
    {
        var week = ReportRange.Week(Sep(16));
        var report = DossierRates.Compute(Month, week, Calendar);

        Assert.Equal((Sep(14), Sep(20)), (week.First, week.Last)); // Mon 14 – Sun 20 September 2026
        Assert.Equal(1, report.Received);           // #5
        Assert.Equal(1, report.Settled);            // #3
        Assert.Equal(new Rate(0, 1), report.OnTime);
        Assert.Equal(2, report.Pending);            // #5, #13 at Sunday 20/9
        Assert.Equal(2, report.PendingOverdue);     // #5 due 18/9, #13 due 25/8
        Assert.Equal(new Rate(0, 1), report.Satisfied);
    }

    [Fact]
    public void Compute_NothingInRange_RatesAreUnknownNotZero()
    {
        var report = DossierRates.Compute(Month, ReportRange.Day(new DateOnly(2026, 12, 25)), Calendar);

        Assert.Equal(0, report.Received);
        Assert.Null(report.Online.Value);
        Assert.Null(report.AverageRating);
        Assert.Equal("–", report.OnTime.ToPercent());
    }

    [Fact]
    public void WorkingDaysAfter_AcrossTheNationalDayHolidays_SkipsThem()
    {
        // Due Mon 31/8, settled Thu 3/9: 1 and 2/9 are holidays, so only Thursday counts.
        Assert.Equal(1, DossierRates.WorkingDaysAfter(new DateOnly(2026, 8, 31), Sep(3), Calendar));
    }

    [Fact]
    public void ReportRange_EndBeforeStart_Refused()
    {
        Assert.Throws<ArgumentException>(() => new ReportRange(Sep(2), Sep(1)));
    }
}
