namespace OneStop.Core.Queue;

/// <summary>Where a queue ticket is: waiting to be called, called to the counter, or called and not there (skipped).</summary>
public enum QueueTicketState
{
    Waiting,
    Called,
    Skipped,
}

/// <summary>One ticket of the day as the queue screens see it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Number">The day's number, from 1.</param>
/// <param name="Service">submit or collect.</param>
/// <param name="State">Where it is.</param>
/// <param name="IssuedAt">When the kiosk issued it.</param>
/// <param name="CalledAt">When it was last called (or recalled); null while waiting.</param>
public sealed record QueueTicket(Guid Id, int Number, string Service, QueueTicketState State, DateTimeOffset IssuedAt, DateTimeOffset? CalledAt);

/// <summary>
/// The day's line as pure functions over its tickets, so the kiosk, the clerk's call screen, the TV and the LCD agree:
/// numbers are called in order, and only tickets still waiting stand ahead of a resident.
/// </summary>
public static class QueueLine
{
    public const string Waiting = "waiting";
    public const string Called = "called";
    public const string Skipped = "skipped";

    /// <summary>The lowest-numbered ticket still waiting; null when nobody waits.</summary>
    public static QueueTicket? NextWaiting(IEnumerable<QueueTicket> today) =>
        today.Where(t => t.State == QueueTicketState.Waiting).OrderBy(t => t.Number).FirstOrDefault();

    /// <summary>Tickets still waiting with a lower number than <paramref name="number"/>: those called or skipped are not ahead.</summary>
    public static int WaitingAhead(IEnumerable<QueueTicket> today, int number) =>
        today.Count(t => t.State == QueueTicketState.Waiting && t.Number < number);

    /// <summary>The ticket called last (the one at the counter); null before the first call of the day.</summary>
    public static QueueTicket? NowServing(IEnumerable<QueueTicket> today) =>
        today.Where(t => t.State == QueueTicketState.Called && t.CalledAt is not null)
            .OrderByDescending(t => t.CalledAt).ThenByDescending(t => t.Number).FirstOrDefault();

    public static QueueTicketState ParseState(string? state) => state switch
    {
        Called => QueueTicketState.Called,
        Skipped => QueueTicketState.Skipped,
        _ => QueueTicketState.Waiting,
    };

    public static string Name(QueueTicketState state) => state switch
    {
        QueueTicketState.Called => Called,
        QueueTicketState.Skipped => Skipped,
        _ => Waiting,
    };

    /// <summary>Three digits, as on the printed ticket and the call display.</summary>
    public static string Label(int number) => number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
}
