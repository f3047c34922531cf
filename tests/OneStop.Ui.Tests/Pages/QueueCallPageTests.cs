using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Queue;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class QueueCallPageTests
{
    [Fact]
    public void CallNext_Clicked_ShowsTheCalledNumberAndWhoIsNext()
    {
        var queue = new FakeQueueDesk(3);
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff, services => services.AddSingleton<IQueueDesk>(queue));
        var page = context.Render<QueueCall>();
        Assert.Equal("—", page.Find("[data-testid=call-serving]").TextContent);
        Assert.True(page.Find("[data-testid=call-recall]").HasAttribute("disabled"));

        page.Find("[data-testid=call-next]").Click();

        Assert.Equal("001", page.Find("[data-testid=call-serving]").TextContent);
        Assert.Contains("002", page.Find("[data-testid=call-next]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2", page.Find("[data-testid=call-waiting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_Clicked_MarksCurrentAbsentAndCallsTheNext()
    {
        var queue = new FakeQueueDesk(2);
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff, services => services.AddSingleton<IQueueDesk>(queue));
        var page = context.Render<QueueCall>();
        page.Find("[data-testid=call-next]").Click();

        page.Find("[data-testid=call-skip]").Click();

        Assert.Equal("002", page.Find("[data-testid=call-serving]").TextContent);
        Assert.Equal(QueueTicketState.Skipped, queue.Tickets[0].State);
        Assert.True(page.Find("[data-testid=call-next]").HasAttribute("disabled"));
    }

    /// <summary>A day's line in memory, moved with the same core rules the node uses.</summary>
    private sealed class FakeQueueDesk : IQueueDesk
    {
        private int _minute;

        public FakeQueueDesk(int waiting)
        {
            for (var n = 1; n <= waiting; n++)
            {
                Tickets.Add(new QueueTicket(Guid.NewGuid(), n, "submit", QueueTicketState.Waiting, DeskPageContext.Now, null));
            }
        }

        public List<QueueTicket> Tickets { get; } = [];

        public Task<QueueBoard> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(Board());

        public Task<QueueBoard> CallNextAsync(CancellationToken cancellationToken = default)
        {
            if (QueueLine.NextWaiting(Tickets) is { } next)
            {
                Set(next, QueueTicketState.Called);
            }

            return Task.FromResult(Board());
        }

        public Task<QueueBoard> RecallAsync(CancellationToken cancellationToken = default) => Task.FromResult(Board());

        public Task<QueueBoard> SkipAsync(CancellationToken cancellationToken = default)
        {
            if (QueueLine.NowServing(Tickets) is { } serving)
            {
                Set(serving, QueueTicketState.Skipped);
            }

            return CallNextAsync(cancellationToken);
        }

        private void Set(QueueTicket ticket, QueueTicketState state) =>
            Tickets[Tickets.IndexOf(ticket)] = ticket with { State = state, CalledAt = DeskPageContext.Now.AddMinutes(++_minute) };

        private QueueBoard Board() =>
            new(QueueLine.NowServing(Tickets), Tickets.Count(t => t.State == QueueTicketState.Waiting), QueueLine.NextWaiting(Tickets), []);
    }
}
