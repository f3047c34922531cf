namespace OneStop.Core.Calendar;

/// <summary>
/// Which days the one-stop desk counts as working days: Monday to Friday minus public holidays, plus any
/// Saturday the government swapped into a working day (làm bù). Saturday sessions some communes hold
/// for receiving do not count (procedures.json common_rules).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    public WorkingDayCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly>? makeUpWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(daysOff);
        _daysOff = [.. daysOff];
        _makeUpWorkingDays = [.. makeUpWorkingDays ?? []];
    }

    /// <summary>Calendar built from <see cref="VietnamPublicHolidays.DefaultYears"/> (2025–2027).</summary>
    public static WorkingDayCalendar Default { get; } = VietnamPublicHolidays.BuildCalendar(VietnamPublicHolidays.DefaultYears);

    public IReadOnlySet<DateOnly> DaysOff => _daysOff;

    public bool IsWorkingDay(DateOnly date)
    {
        if (_makeUpWorkingDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(date);
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The working day <paramref name="workingDays"/> working days after <paramref name="date"/> (0 returns <see cref="OnOrAfter"/>).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var current = OnOrAfter(date);
        for (var counted = 0; counted < workingDays;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }
}
