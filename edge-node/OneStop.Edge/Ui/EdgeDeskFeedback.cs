using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Changes;
using OneStop.Core.Statistics;
using OneStop.Edge.Store;
using OneStop.Storage;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>Feedback records (see <see cref="EdgeResidentFeedback"/>) read for staff; comments are for staff and admins, not volunteers.</summary>
public sealed class EdgeDeskFeedback(EdgeStore store, AuthenticationStateProvider authentication) : IDeskFeedback
{
    // Years of a commune's ratings: a few thousand at most.
    private const int MaxRatings = 20_000;

    public async Task<DeskFeedbackEntry?> ForDossierAsync(Guid dossierId, CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ReadReports);
        var record = await store.GetAsync(EdgeResidentFeedback.FeedbackId(dossierId), cancellationToken);
        return record is null || record.Type != RecordTypes.Feedback ? null : Read(RecordData.Of(record));
    }

    public async Task<IReadOnlyList<FeedbackWeek>> WeeklyAsync(CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ReadReports);
        var ratings = (await store.ListAsync(RecordTypes.Feedback, MaxRatings, cancellationToken))
            .Select(Read).OfType<DeskFeedbackEntry>().Select(f => (f.SubmittedAt, f.Rating));
        return FeedbackWeeks.Summarise(ratings);
    }

    private static DeskFeedbackEntry? Read(RecordData record)
    {
        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        if (!root.TryGetProperty("rating", out var r) || r.ValueKind != JsonValueKind.Number || !r.TryGetInt32(out var rating)
            || !root.TryGetProperty("submitted_at", out var s) || s.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return null;
        }

        var comment = root.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? string.Empty : string.Empty;
        return new DeskFeedbackEntry(rating, comment, at);
    }
}
