using FsCheck;
using FsCheck.Xunit;
using OneStop.Core.Calendar;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Calendar;

public class AppointmentCalculatorTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static DateTimeOffset At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, Vn);

    [Fact]
    public void DueDate_SameDayBeforeCutoff_SameDate()
    {
        var appointment = AppointmentCalculator.DueDate(At(2025, 6, 10, 14, 59), 0, sameDay: true, Calendar);

        Assert.Equal(new DateOnly(2025, 6, 10), appointment.DueDate);
        Assert.False(appointment.AfterCutoff);
    }

    [Fact]
    public void DueDate_SameDayExactlyAtCutoff_SameDate()
    {
        Assert.Equal(new DateOnly(2025, 6, 10), AppointmentCalculator.DueDate(At(2025, 6, 10, 15), 0, true, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_SameDayAfterCutoff_NextWorkingDay()
    {
        var appointment = AppointmentCalculator.DueDate(At(2025, 6, 10, 15, 1), 0, sameDay: true, Calendar);

        Assert.Equal(new DateOnly(2025, 6, 11), appointment.DueDate);
        Assert.True(appointment.AfterCutoff);
    }

    [Fact]
    public void DueDate_SameDayFridayAfterCutoff_Monday()
    {
        Assert.Equal(new DateOnly(2025, 6, 16), AppointmentCalculator.DueDate(At(2025, 6, 13, 16), 0, true, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_SameDayAfterCutoffBeforeTet_AfterTet()
    {
        // Friday 24/1/2025 16:00; Tết runs 27–31/1, so the next working day is Monday 3/2.
        Assert.Equal(new DateOnly(2025, 2, 3), AppointmentCalculator.DueDate(At(2025, 1, 24, 16), 0, true, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_SameDayReceivedOnSaturday_Monday()
    {
        var appointment = AppointmentCalculator.DueDate(At(2025, 6, 14, 9), 0, true, Calendar);

        Assert.Equal(new DateOnly(2025, 6, 16), appointment.DueDate);
        Assert.False(appointment.AfterCutoff);
    }

    [Fact]
    public void DueDate_UtcInput_ConvertedToVietnamTime()
    {
        // 08:30 UTC is 15:30 in Hà Nội: after the cut-off even though the UTC clock says morning.
        var receivedAt = new DateTimeOffset(2025, 6, 10, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2025, 6, 11), AppointmentCalculator.DueDate(receivedAt, 0, true, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_UtcLateEvening_IsNextLocalDay()
    {
        var receivedAt = new DateTimeOffset(2025, 6, 9, 18, 0, 0, TimeSpan.Zero);

        var appointment = AppointmentCalculator.DueDate(receivedAt, 3, false, Calendar);

        Assert.Equal(new DateOnly(2025, 6, 10), appointment.ReceivedOn);
        Assert.Equal(new DateOnly(2025, 6, 13), appointment.DueDate);
    }

    [Fact]
    public void DueDate_ThreeWorkingDaysFromThursday_SkipsWeekend()
    {
        Assert.Equal(new DateOnly(2025, 6, 17), AppointmentCalculator.DueDate(At(2025, 6, 12, 10), 3, false, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_AcrossNationalDay_SkipsBothDaysOff()
    {
        // Friday 29/8/2025 + 2 working days: 1/9 and 2/9 are off, so Wednesday 3/9 and Thursday 4/9.
        Assert.Equal(new DateOnly(2025, 9, 4), AppointmentCalculator.DueDate(At(2025, 8, 29, 9), 2, false, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_ReceivedOnHoliday_CountsFromNextWorkingDay()
    {
        var appointment = AppointmentCalculator.DueDate(At(2025, 4, 30, 9), 1, false, Calendar);

        Assert.Equal(new DateOnly(2025, 5, 5), appointment.CountedFrom);
        Assert.Equal(new DateOnly(2025, 5, 6), appointment.DueDate);
    }

    [Fact]
    public void DueDate_MultiDayAfterCutoff_CutoffDoesNotApply()
    {
        Assert.Equal(new DateOnly(2025, 6, 13), AppointmentCalculator.DueDate(At(2025, 6, 10, 16, 30), 3, false, Calendar).DueDate);
    }

    [Fact]
    public void DueDate_CustomCutoff_Respected()
    {
        var appointment = AppointmentCalculator.DueDate(At(2025, 6, 10, 14, 30), 0, true, Calendar, new TimeOnly(14, 0));

        Assert.True(appointment.AfterCutoff);
    }

    [Fact]
    public void DueDate_ProcedureWithVerification_AddsExtension()
    {
        var marriage = RepoData.Procedure("hotich.kethon");

        var plain = AppointmentCalculator.DueDate(marriage, At(2025, 6, 10, 9), Calendar);
        var verified = AppointmentCalculator.DueDate(marriage, At(2025, 6, 10, 9), Calendar, verificationNeeded: true);

        Assert.Equal(new DateOnly(2025, 6, 10), plain.DueDate);
        Assert.Equal(new DateOnly(2025, 6, 17), verified.DueDate);
    }

    [Fact]
    public void DueDate_LandInRemoteArea_AddsTenWorkingDays()
    {
        var land = RepoData.Procedure("datdai.dangky_cap_gcn_lan_dau");

        var due = AppointmentCalculator.DueDate(land, At(2025, 6, 2, 9), Calendar, remoteArea: true).DueDate;

        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2025, 6, 2), 30), due);
    }

    [Fact]
    public void DueDate_CalendarDayPhase_ThenWorkingDays()
    {
        var disability = RepoData.Procedure("btxh.xacdinh_khuyettat");

        // 2/6/2025 + 30 days = 2/7 (Wednesday), then 5 working days = 9/7.
        Assert.Equal(new DateOnly(2025, 7, 9), AppointmentCalculator.DueDate(disability, At(2025, 6, 2, 9), Calendar).DueDate);
    }

    [Property]
    public bool AddWorkingDays_AnyStartAndCount_CountsExactlyThatManyWorkingDaysAfterTheFirst(byte offset, byte count)
    {
        var start = new DateOnly(2025, 1, 1).AddDays(offset * 3);
        var n = count % 40;
        var due = Calendar.AddWorkingDays(start, n);

        // Naive oracle, a day at a time: from start to due inclusive lie the day counting starts from
        // (the first working day on or after start) and the n working days after it, and due is one of them.
        var working = 0;
        for (var day = start; day <= due; day = day.AddDays(1))
        {
            working += Calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return Calendar.IsWorkingDay(due) && working == n + 1;
    }
}
