using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Hardware;
using OneStop.Hardware.Printer;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>
/// Queue tickets as records of type queue_ticket in the commune's scope (day, number, service, time): the counter
/// is read back from the store, so a restart or a power cut carries on from the last number instead of 1.
/// </summary>
public sealed class EdgeQueueKiosk(EdgeStore store, DeviceSet devices, IOptions<EdgeOptions> edgeOptions, IOptions<EdgeUiOptions> uiOptions, TimeProvider time) : IQueueKiosk, IDisposable
{
    // A day's tickets are a few hundred; this bounds the read while covering any real day.
    private const int RecentTickets = 5_000;

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
            var issuedToday = await CountTodayAsync(day, commune, cancellationToken);
            var number = issuedToday.Max + 1;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["day"] = JsonSerializer.Serialize(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ["number"] = number.ToString(CultureInfo.InvariantCulture),
                ["service"] = JsonSerializer.Serialize(ServiceName(service)),
                ["issued_at"] = JsonSerializer.Serialize(now.ToString("O", CultureInfo.InvariantCulture)),
                ["node"] = JsonSerializer.Serialize(edgeOptions.Value.NodeId),
            };
            await store.WriteAsync(Guid.CreateVersion7(now), RecordTypes.QueueTicket, commune, values, cancellationToken);
            ticket = new QueueTicketIssued(number, day, now, service, issuedToday.Count, new DeskPrintResult(false, null));
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
        // The printer driver blocks on a serial port or a socket; keep it off the request thread.
        var printed = await Task.Run(() => devices.Printer.Print(document), cancellationToken);
        return ticket with { Printed = new DeskPrintResult(printed.Succeeded, printed.Error) };
    }

    public void Dispose() => _issue.Dispose();

    /// <summary>How many tickets the commune issued on <paramref name="day"/> and the highest number among them.</summary>
    private async Task<(int Count, int Max)> CountTodayAsync(DateOnly day, string commune, CancellationToken cancellationToken)
    {
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = 0;
        var max = 0;
        foreach (var record in await store.ListAsync(RecordTypes.QueueTicket, RecentTickets, cancellationToken))
        {
            if (record.Scope != commune)
            {
                continue;
            }

            using var document = JsonDocument.Parse(record.DataJson);
            var root = document.RootElement;
            if (root.TryGetProperty("day", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() == dayText
                && root.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var value))
            {
                count++;
                max = Math.Max(max, value);
            }
        }

        return (count, max);
    }

    private static string ServiceName(QueueService service) => service == QueueService.Submit ? "submit" : "collect";
}
