using System.Globalization;
using System.Text.Json;
using OneStop.Core.Calendar;
using OneStop.Core.Statistics;

namespace OneStop.Reports;

/// <summary>Turns stored records into the report: the same steps on the hub (every commune) and on a node (its own).</summary>
public static class ReportBuilder
{
    /// <summary>Facts of each dossier record (scope = commune code), with the rating left for it, if any.</summary>
    /// <param name="dossiers">Dossier records: scope and the record's JSON object of current fields.</param>
    /// <param name="feedback">Feedback records' JSON objects (dossier_id, rating, submitted_at).</param>
    public static IReadOnlyList<DossierFacts> Facts(IEnumerable<(Guid Id, string Scope, string DataJson)> dossiers, IEnumerable<string> feedback)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(feedback);
        var ratings = new Dictionary<Guid, (int, DateTimeOffset)>();
        foreach (var json in feedback)
        {
            if (Rating(json) is { } rating)
            {
                ratings[rating.Dossier] = (rating.Value, rating.At);
            }
        }

        var facts = new List<DossierFacts>();
        foreach (var (id, scope, json) in dossiers)
        {
            using var document = JsonDocument.Parse(json);
            var fields = document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetRawText())).ToList();
            facts.Add(DossierFactsReader.Read(scope, fields, ratings.TryGetValue(id, out var given) ? given : null));
        }

        return facts;
    }

    public static ReportSheet Sheet(IReadOnlyCollection<DossierFacts> facts, ReportQuery query, WorkingDayCalendar calendar, bool english)
    {
        ArgumentNullException.ThrowIfNull(query);
        var selected = Select(facts, query);
        var rows = query.By switch
        {
            ReportGrouping.Commune => DossierRates.By(selected, f => f.Commune, query.Range, calendar),
            ReportGrouping.Procedure => DossierRates.By(selected, f => f.ProcedureCode, query.Range, calendar),
            ReportGrouping.Staff => DossierRates.By(selected.Where(f => f.ReceivedBy is not null), f => f.ReceivedBy, query.Range, calendar),
            _ => [],
        };
        var heading = query.By switch
        {
            ReportGrouping.Commune => english ? "Commune" : "Xã",
            ReportGrouping.Procedure => english ? "Procedure" : "Thủ tục",
            ReportGrouping.Staff => english ? "Receiving officer" : "Cán bộ tiếp nhận",
            _ => english ? "Group" : "Nhóm",
        };
        return new ReportSheet(heading, query.Range, [.. rows.Where(r => r.Value.Received + r.Value.Settled + r.Value.Pending + r.Value.Satisfied.Denominator > 0)], DossierRates.Compute(selected, query.Range, calendar));
    }

    public static IReadOnlyCollection<DossierFacts> Select(IReadOnlyCollection<DossierFacts> facts, ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(query);
        return query.Commune is null ? facts : [.. facts.Where(f => string.Equals(f.Commune, query.Commune, StringComparison.Ordinal))];
    }

    private static (Guid Dossier, int Value, DateTimeOffset At)? Rating(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("dossier_id", out var dossier) && dossier.ValueKind == JsonValueKind.String && Guid.TryParse(dossier.GetString(), out var dossierId)
                && root.TryGetProperty("rating", out var rating) && int.TryParse(rating.ValueKind == JsonValueKind.String ? rating.GetString() : rating.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && value is >= 1 and <= 5
                && root.TryGetProperty("submitted_at", out var at) && at.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var submitted))
            {
                return (dossierId, value, submitted);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
