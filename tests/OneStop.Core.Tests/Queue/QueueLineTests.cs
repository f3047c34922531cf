using OneStop.Core.Queue;

namespace OneStop.Core.Tests.Queue;

public sealed class QueueLineTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static QueueTicket Ticket(int number, QueueTicketState state, int calledMinute = -1) =>
        new(Guid.NewGuid(), number, "submit", state, Morning.AddMinutes(number), calledMinute < 0 ? null : Morning.AddMinutes(calledMinute));

    [Fact]
    public void WaitingAhead_SomeCalledOrSkipped_CountsOnlyThoseStillWaitingWithLowerNumbers()
    {
        var day = new[]
        {
            Ticket(1, QueueTicketState.Called, 10),
            Ticket(2, QueueTicketState.Skipped, 11),
            Ticket(3, QueueTicketState.Waiting),
            Ticket(4, QueueTicketState.Waiting),
            Ticket(5, QueueTicketState.Waiting),
        };

        Assert.Equal(2, QueueLine.WaitingAhead(day, 5));
        Assert.Equal(0, QueueLine.WaitingAhead(day, 3));
    }

    [Fact]
    public void NextWaiting_OutOfOrderList_LowestWaitingNumber()
    {
        var day = new[] { Ticket(7, QueueTicketState.Waiting), Ticket(3, QueueTicketState.Called, 5), Ticket(4, QueueTicketState.Waiting) };

        Assert.Equal(4, QueueLine.NextWaiting(day)!.Number);
        Assert.Null(QueueLine.NextWaiting([Ticket(1, QueueTicketState.Called, 1)]));
    }

    [Fact]
    public void NowServing_RecalledEarlierNumber_TheOneCalledLast()
    {
        var day = new[] { Ticket(1, QueueTicketState.Called, 30), Ticket(2, QueueTicketState.Called, 20), Ticket(3, QueueTicketState.Skipped, 40) };

        Assert.Equal(1, QueueLine.NowServing(day)!.Number);
        Assert.Null(QueueLine.NowServing([Ticket(1, QueueTicketState.Waiting)]));
    }

    [Theory]
    [InlineData(null, QueueTicketState.Waiting)]
    [InlineData("waiting", QueueTicketState.Waiting)]
    [InlineData("called", QueueTicketState.Called)]
    [InlineData("skipped", QueueTicketState.Skipped)]
    public void ParseState_StoredName_RoundTrips(string? stored, QueueTicketState expected)
    {
        Assert.Equal(expected, QueueLine.ParseState(stored));
        Assert.Equal(stored ?? "waiting", QueueLine.Name(expected));
    }
}
