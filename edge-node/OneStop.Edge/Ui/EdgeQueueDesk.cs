using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Queue;
using OneStop.Edge.Queue;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Hardware;
using OneStop.Hardware.Display;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>
/// The clerk's call screen over today's ticket records: a call is a logged write of the ticket's state (it syncs like
/// any record), then the number goes to the character display when the node has one.
/// </summary>
public sealed class EdgeQueueDesk(
    EdgeStore store,
    DeviceSet devices,
    SyncStatus sync,
    NowServingBoard board,
    AuthenticationStateProvider authentication,
    IOptions<EdgeOptions> edgeOptions,
    TimeProvider time,
    ILogger<EdgeQueueDesk> logger) : IQueueDesk
{
    public async Task<QueueBoard> ReadAsync(CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ReceiveDossier);
        return EdgeQueueKiosk.Board(await TodayAsync(cancellationToken));
    }

    public Task<QueueBoard> CallNextAsync(CancellationToken cancellationToken = default) =>
        CallAsync(skipCurrent: false, cancellationToken);

    public Task<QueueBoard> SkipAsync(CancellationToken cancellationToken = default) =>
        CallAsync(skipCurrent: true, cancellationToken);

    public async Task<QueueBoard> RecallAsync(CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ReceiveDossier);
        await board.CallGate.WaitAsync(cancellationToken);
        try
        {
            if (QueueLine.NowServing(await TodayAsync(cancellationToken)) is { } serving)
            {
                await MarkAsync(serving, QueueTicketState.Called, user.UserName(), cancellationToken);
            }

            return await ShowAsync(cancellationToken);
        }
        finally
        {
            board.CallGate.Release();
        }
    }

    private async Task<QueueBoard> CallAsync(bool skipCurrent, CancellationToken cancellationToken)
    {
        var user = await authentication.RequireAsync(DeskAction.ReceiveDossier);
        await board.CallGate.WaitAsync(cancellationToken);
        try
        {
            var today = await TodayAsync(cancellationToken);
            if (skipCurrent && QueueLine.NowServing(today) is { } absent)
            {
                await MarkAsync(absent, QueueTicketState.Skipped, user.UserName(), cancellationToken);
            }

            if (QueueLine.NextWaiting(today) is { } next)
            {
                await MarkAsync(next, QueueTicketState.Called, user.UserName(), cancellationToken);
            }

            return await ShowAsync(cancellationToken);
        }
        finally
        {
            board.CallGate.Release();
        }
    }

    private async Task MarkAsync(QueueTicket ticket, QueueTicketState state, string by, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [QueueTickets.State] = JsonSerializer.Serialize(QueueLine.Name(state)),
            [QueueTickets.CalledBy] = JsonSerializer.Serialize(by),
        };
        if (state == QueueTicketState.Called)
        {
            // A recall writes a new moment, so the board and the TV put the number back on top.
            values[QueueTickets.CalledAt] = JsonSerializer.Serialize(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        }

        await store.WriteAsync(ticket.Id, RecordTypes.QueueTicket, edgeOptions.Value.CommuneCode, values, cancellationToken);
    }

    private async Task<QueueBoard> ShowAsync(CancellationToken cancellationToken)
    {
        var now = EdgeQueueKiosk.Board(await TodayAsync(cancellationToken));
        board.Show(now.Serving is { } serving ? QueueLine.Label(serving.Number) : null);
        try
        {
            var backlog = (int)Math.Min(int.MaxValue, await store.CountBacklogAsync(cancellationToken));
            var shown = devices.Display.ShowStatus(sync.Current.Link.ToString(), backlog, board.Label);
            if (!shown.Succeeded)
            {
                logger.LogWarning("The status display did not show the called number: {Error}", shown.Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A dead display must not stop the queue; the device page says what is wrong with it.
            logger.LogWarning(ex, "Showing the called number on the status display failed.");
        }

        return now;
    }

    private Task<IReadOnlyList<QueueTicket>> TodayAsync(CancellationToken cancellationToken) =>
        QueueTickets.ReadDayAsync(store, edgeOptions.Value.CommuneCode, QueueTickets.Today(time), cancellationToken);
}
