namespace OneStop.Ui.Ports;

/// <summary>The "take a number" kiosk: a per-day counter of the commune's desk, printed on the receipt printer.</summary>
public interface IQueueKiosk
{
    /// <summary>Issues the next number of the day, stores it (it survives a restart) and prints it.</summary>
    Task<QueueTicketIssued> TakeAsync(QueueService service, CancellationToken cancellationToken = default);
}

/// <summary>Why the resident came: each has its own line on the ticket, one counter for both.</summary>
public enum QueueService
{
    Submit,
    Collect,
}

/// <param name="Number">The day's number, from 1.</param>
/// <param name="Day">The working day the number belongs to (Vietnam time).</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="Service">What the resident came for.</param>
/// <param name="WaitingAhead">Tickets issued earlier today (calling numbers is not tracked yet).</param>
/// <param name="Printed">What the receipt printer said.</param>
public sealed record QueueTicketIssued(int Number, DateOnly Day, DateTimeOffset IssuedAt, QueueService Service, int WaitingAhead, DeskPrintResult Printed)
{
    /// <summary>The number as the ticket shows it: three digits, as on the desk's call display.</summary>
    public string Label => Number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}
