using OneStop.Core.Catalogue;

namespace OneStop.Core.Calendar;

/// <summary>When the result of a dossier is due, and how that date was reached (for the appointment slip).</summary>
/// <param name="ReceivedOn">Local (UTC+7) date the dossier was received.</param>
/// <param name="CountedFrom">The working day the count starts from: the receipt day, or the next working day if that was not one or the cut-off had passed.</param>
/// <param name="DueDate">Date printed on the slip ("ngày hẹn trả kết quả").</param>
/// <param name="AfterCutoff">True when a same-day dossier arrived after 15:00 and moved to the next working day.</param>
public sealed record Appointment(DateOnly ReceivedOn, DateOnly CountedFrom, DateOnly DueDate, bool AfterCutoff);

/// <summary>
/// Appointment dates per procedures.json common_rules: "submission date + processing_time.working_days
/// (+extensions when triggered); same_day=true → same date (next working day if received after cutoff)",
/// with same_day_cutoff_local_time 15:00.
/// </summary>
public static class AppointmentCalculator
{
    /// <summary>Vietnam has used UTC+7 without daylight saving since 1975; fixing it here keeps the result independent of the host's zone.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Default same-day cut-off, from common_rules.same_day_cutoff_local_time.</summary>
    public static readonly TimeOnly DefaultCutoff = new(15, 0);

    /// <summary>Due date for a dossier received at <paramref name="receivedAt"/> (any offset; converted to UTC+7).</summary>
    /// <param name="receivedAt">Moment of receipt; the caller passes it in so that nothing here reads the clock.</param>
    /// <param name="workingDays">Processing time in working days, extensions already added; ignored when <paramref name="sameDay"/>.</param>
    /// <param name="sameDay">The procedure returns its result the day it is received.</param>
    /// <param name="calendar">Working days and holidays.</param>
    /// <param name="cutoff">Same-day cut-off in local time; defaults to 15:00. Received exactly at the cut-off still counts as on time.</param>
    public static Appointment DueDate(DateTimeOffset receivedAt, int workingDays, bool sameDay, WorkingDayCalendar calendar, TimeOnly? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var local = receivedAt.ToOffset(VietnamOffset);
        var receivedOn = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var limit = cutoff ?? DefaultCutoff;

        if (sameDay || workingDays == 0)
        {
            var afterCutoff = calendar.IsWorkingDay(receivedOn) && time > limit;
            var due = afterCutoff ? calendar.AddWorkingDays(receivedOn, 1) : calendar.OnOrAfter(receivedOn);
            return new Appointment(receivedOn, due, due, afterCutoff);
        }

        // A dossier handed in on a weekend or holiday (Saturday sessions exist) is counted from the next working
        // day, so the weekend session does not shorten the office's time.
        var countedFrom = calendar.OnOrAfter(receivedOn);
        return new Appointment(receivedOn, countedFrom, calendar.AddWorkingDays(countedFrom, workingDays), false);
    }

    /// <summary>Due date for a catalogue procedure, adding the extensions that apply and any calendar-day phase first.</summary>
    public static Appointment DueDate(
        Procedure procedure,
        DateTimeOffset receivedAt,
        WorkingDayCalendar calendar,
        bool verificationNeeded = false,
        bool remoteArea = false,
        TimeOnly? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var details = procedure.ProcessingTime;
        var extra = (verificationNeeded ? details.ExtensionIfVerificationWorkingDays ?? 0 : 0)
            + (remoteArea ? details.ExtensionRemoteAreaWorkingDays ?? 0 : 0);

        if (details.CalendarDays is int calendarDays)
        {
            // A phase in calendar days (a council convened within 30 days) followed by working days.
            var receivedOn = DateOnly.FromDateTime(receivedAt.ToOffset(VietnamOffset).DateTime);
            var phaseEnd = calendar.OnOrAfter(receivedOn.AddDays(calendarDays));
            var due = calendar.AddWorkingDays(phaseEnd, (details.ThenWorkingDays ?? 0) + extra);
            return new Appointment(receivedOn, receivedOn, due, false);
        }

        var sameDay = procedure.SameDay && extra == 0;
        return DueDate(receivedAt, procedure.WorkingDays + extra, sameDay, calendar, cutoff);
    }
}
