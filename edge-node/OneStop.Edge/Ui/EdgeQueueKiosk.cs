using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Core.Queue;
using OneStop.Edge.Queue;
using OneStop.Edge.Store;
using OneStop.Hardware.Printer;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>
/// Queue tickets as records of type queue_ticket in the commune's scope (day, number, service, time): the counter
/// is read back from the store, so a restart or a power cut carries on from the last number instead of 1.
/// </summary>
public sealed class EdgeQueueKiosk(EdgeStore store, IOptions<EdgeOptions> edgeOptions, IOptions<EdgeUiOptions> uiOptions, TimeProvider time, Devices.PrinterPaper paper) : IQueueKiosk, IDisposable
{
    // What a TV beside the counter can show legibly under the current number.
    private const int RecentlyCalledShown = 4;

    // Two taps at the same moment must not get the same number.
    private readonly SemaphoreSlim _issue = new(1, 1);

    public async Task<QueueTicketIssued> TakeAsync(QueueService service, CancellationToken cancellationToken = default)
    {
        QueueTicketIssued ticket;
        await _issue.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var day = DateOnly.FromDateTime(now.ToOffset(AppointmentCalculator.VietnamOffset).DateTime);
            var commune = edgeOptions.Value.CommuneCode;
            var today = await QueueTickets.ReadDayAsync(store, commune, day, cancellationToken);
            var number = today.Count == 0 ? 1 : today.Max(t => t.Number) + 1;
            var id = Guid.CreateVersion7(now);
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [QueueTickets.Day] = JsonSerializer.Serialize(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                [QueueTickets.Number] = number.ToString(CultureInfo.InvariantCulture),
                [QueueTickets.Service] = JsonSerializer.Serialize(ServiceName(service)),
                [QueueTickets.IssuedAt] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture)),
                [QueueTickets.State] = JsonSerializer.Serialize(QueueLine.Waiting),
                ["node"] = JsonSerializer.Serialize(edgeOptions.Value.NodeId),
            };
            await store.WriteAsync(id, RecordTypes.QueueTicket, commune, values, cancellationToken);
            // Only those still waiting stand ahead: a number already called is at the counter or gone.
            ticket = new QueueTicketIssued(number, day, now, service, QueueLine.WaitingAhead(today, number), new DeskPrintResult(false, null)) { Id = id };
        }
        finally
        {
            _issue.Release();
        }

        var document = ReceiptTemplates.QueueTicket(
            uiOptions.Value.OfficeNameVi,
            ticket.Label,
            service == QueueService.Submit ? "Nộp hồ sơ" : "Nhận kết quả",
            ticket.IssuedAt.ToOffset(AppointmentCalculator.VietnamOffset),
            ticket.WaitingAhead);
        var printed = await paper.PrintAsync(document, cancellationToken);
        return ticket with { Printed = new DeskPrintResult(printed.Succeeded, printed.Error) };
    }

    public void Dispose() => _issue.Dispose();

    public async Task<QueueTicketView?> FindAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        var day = QueueTickets.Today(time);
        if (await QueueTickets.FindAsync(store, ticketId, cancellationToken) is not { } found
            || found.Day != day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            return null;
        }

        var today = await QueueTickets.ReadDayAsync(store, edgeOptions.Value.CommuneCode, day, cancellationToken);
        return new QueueTicketView(found.Ticket, QueueLine.WaitingAhead(today, found.Ticket.Number), QueueLine.NowServing(today));
    }

    public async Task<QueueBoard> ReadBoardAsync(CancellationToken cancellationToken = default) =>
        Board(await QueueTickets.ReadDayAsync(store, edgeOptions.Value.CommuneCode, QueueTickets.Today(time), cancellationToken));

    /// <summary>The line as every queue screen shows it.</summary>
    public static QueueBoard Board(IReadOnlyList<QueueTicket> today)
    {
        var serving = QueueLine.NowServing(today);
        var recent = today.Where(t => t.State != QueueTicketState.Waiting && t.Id != serving?.Id && t.CalledAt is not null)
            .OrderByDescending(t => t.CalledAt).Take(RecentlyCalledShown).ToList();
        return new QueueBoard(serving, today.Count(t => t.State == QueueTicketState.Waiting), QueueLine.NextWaiting(today), recent);
    }

    private static string ServiceName(QueueService service) => service == QueueService.Submit ? "submit" : "collect";
}
