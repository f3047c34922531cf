using System.Globalization;
using System.Text.Json;
using OneStop.Core.Calendar;
using OneStop.Core.Changes;
using OneStop.Core.Queue;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Queue;

/// <summary>Queue tickets as records of type queue_ticket: field names, and today's tickets of a commune read back.</summary>
public static class QueueTickets
{
    public const string Day = "day";
    public const string Number = "number";
    public const string Service = "service";
    public const string IssuedAt = "issued_at";
    public const string State = "state";
    public const string CalledAt = "called_at";
    public const string CalledBy = "called_by";

    // A day's tickets are a few hundred; this bounds the read while covering any real day.
    private const int RecentTickets = 5_000;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(AppointmentCalculator.VietnamOffset).DateTime);

    public static async Task<IReadOnlyList<QueueTicket>> ReadDayAsync(EdgeStore store, string commune, DateOnly day, CancellationToken cancellationToken)
    {
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tickets = new List<QueueTicket>();
        foreach (var record in await store.ListAsync(RecordTypes.QueueTicket, RecentTickets, cancellationToken))
        {
            if (record.Scope == commune && Read(record) is { } ticket && ticket.Day == dayText)
            {
                tickets.Add(ticket.Ticket);
            }
        }

        return tickets;
    }

    public static async Task<(QueueTicket Ticket, string Day)?> FindAsync(EdgeStore store, Guid id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null || record.Type != RecordTypes.QueueTicket ? null : Read(RecordData.Of(record));
    }

    private static (QueueTicket Ticket, string Day)? Read(RecordData record)
    {
        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        if (Text(root, Day) is not { } day
            || !root.TryGetProperty(Number, out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out var number))
        {
            return null;
        }

        var ticket = new QueueTicket(
            record.Id,
            number,
            Text(root, Service) ?? "submit",
            QueueLine.ParseState(Text(root, State)),
            Moment(Text(root, IssuedAt)) ?? DateTimeOffset.MinValue,
            Moment(Text(root, CalledAt)));
        return (ticket, day);
    }

    private static DateTimeOffset? Moment(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment) ? moment : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
