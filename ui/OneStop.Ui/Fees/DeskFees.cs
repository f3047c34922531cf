using System.Globalization;
using OneStop.Core.Calendar;
using OneStop.Core.Catalogue;
using OneStop.Core.Fees;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Fees;

/// <summary>The fee of a dossier as the desk charges it; the screen and the node's adapter both call this, so they agree.</summary>
public static class DeskFees
{
    public static FeeQuote Quote(Procedure procedure, DeskDossier dossier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(dossier);
        var submitted = dossier.ReceivedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(AppointmentCalculator.VietnamOffset).DateTime) : today;
        return FeeCalculator.Quote(procedure, new FeeRequest(submitted) { EventDate = EventDate(procedure, dossier) });
    }

    // statutory_deadline.from names the event field without its person ("date_of_birth"); the form has it under
    // the person it concerns ("child.date_of_birth"), which is the first such field in form order.
    private static DateOnly? EventDate(Procedure procedure, DeskDossier dossier)
    {
        if (procedure.StatutoryDeadline is not { } deadline)
        {
            return null;
        }

        foreach (var (key, value) in dossier.Answers)
        {
            if ((key == deadline.From || key.EndsWith("." + deadline.From, StringComparison.Ordinal))
                && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }
}
