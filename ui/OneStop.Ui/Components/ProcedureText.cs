using OneStop.Core.Catalogue;
using OneStop.Ui.Localisation;

namespace OneStop.Ui.Components;

/// <summary>How a procedure's processing time and fees read on screen.</summary>
public static class ProcedureText
{
    public static string Time(Loc l, Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(procedure);
        var details = procedure.ProcessingTime;
        if (details.CalendarDays is int calendarDays)
        {
            return l.Format("proc.time.calendar", calendarDays, details.ThenWorkingDays ?? 0);
        }

        return procedure.SameDay || procedure.WorkingDays == 0 ? l["proc.time.sameday"] : l.Format("proc.time.days", procedure.WorkingDays);
    }

    public static string Fee(Loc l, ProcedureFee fee)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(fee);
        var amount = fee.AmountVnd switch
        {
            null => l["proc.fee.unknown"],
            0 => l["proc.fee.free"],
            long vnd => l.Money(vnd),
        };
        return fee.ExampleOnly && fee.AmountVnd is > 0 ? $"{amount} ({l["proc.fee.example"]})" : amount;
    }
}
