namespace OneStop.Ui.Ports;

/// <summary>The "take a number" kiosk: a per-day counter of the commune's desk, printed on the receipt printer.</summary>
public interface IQueueKiosk
{
    /// <summary>Issues the next number of the day, stores it (it survives a restart) and prints it.</summary>
    Task<QueueTicketIssued> TakeAsync(QueueService service, CancellationToken cancellationToken = default);

    /// <summary>A ticket of today as its page shows it after the kiosk redirects there; null for an unknown or old ticket.</summary>
    Task<QueueTicketView?> FindAsync(Guid ticketId, CancellationToken cancellationToken = default);

    /// <summary>Today's line for the "now serving" screen: public, no personal data in it.</summary>
    Task<QueueBoard> ReadBoardAsync(CancellationToken cancellationToken = default);
}

/// <param name="Ticket">The ticket.</param>
/// <param name="WaitingAhead">Tickets still waiting with a lower number.</param>
/// <param name="Serving">The number at the counter now.</param>
public sealed record QueueTicketView(OneStop.Core.Queue.QueueTicket Ticket, int WaitingAhead, OneStop.Core.Queue.QueueTicket? Serving);

/// <param name="Serving">The ticket called last; null before the first call of the day.</param>
/// <param name="Waiting">Tickets still waiting.</param>
/// <param name="Next">The next to call.</param>
/// <param name="RecentlyCalled">The last few called before the current one, newest first.</param>
public sealed record QueueBoard(OneStop.Core.Queue.QueueTicket? Serving, int Waiting, OneStop.Core.Queue.QueueTicket? Next, IReadOnlyList<OneStop.Core.Queue.QueueTicket> RecentlyCalled);

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
/// <param name="WaitingAhead">Tickets issued earlier today and still waiting to be called.</param>
/// <param name="Printed">What the receipt printer said.</param>
public sealed record QueueTicketIssued(int Number, DateOnly Day, DateTimeOffset IssuedAt, QueueService Service, int WaitingAhead, DeskPrintResult Printed)
{
    /// <summary>The ticket's record, so the kiosk can redirect to its page (a refresh shows it again, issues nothing).</summary>
    public Guid Id { get; init; }

    /// <summary>The number as the ticket shows it: three digits, as on the desk's call display.</summary>
    public string Label => Number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}
