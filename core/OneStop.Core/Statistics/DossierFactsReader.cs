using System.Globalization;
using System.Text.Json;
using OneStop.Core.Calendar;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;

namespace OneStop.Core.Statistics;

/// <summary>Reads <see cref="DossierFacts"/> from a dossier record's current fields (name → JSON text), as both stores hold them.</summary>
public static class DossierFactsReader
{
    /// <param name="commune">Commune code of the record's scope.</param>
    /// <param name="fields">The record's current fields, each a JSON text.</param>
    /// <param name="rating">The feedback left for this dossier, if any, with the moment it was given.</param>
    public static DossierFacts Read(string commune, IEnumerable<KeyValuePair<string, string>> fields, (int Rating, DateTimeOffset At)? rating = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // A dossier paid partly in cash counts as cash: the cashless rate claims only what had no cash at all.
        var paidCash = false;
        var paidOtherwise = false;
        var paymentPrefix = AppendOnlyFields.Payments + AppendOnlyFields.Separator;
        foreach (var (name, json) in fields)
        {
            if (name.StartsWith(paymentPrefix, StringComparison.Ordinal))
            {
                var method = PaymentMethod(json);
                paidCash |= method == "cash";
                paidOtherwise |= method is not null and not "cash";
            }
            else
            {
                values[name] = json;
            }
        }

        var status = DossierStatusNames.TryParse(Text(values, DossierFields.Status), out var parsed) ? parsed : DossierStatus.Draft;
        var channel = FilingChannelNames.TryParse(Text(values, DossierFields.Channel), out var filed) ? filed : FilingChannel.Desk;
        var fee = Flag(values, DossierFields.FeeExempt) ? FeeSettlement.Exempt
            : paidCash ? FeeSettlement.Cash
            : paidOtherwise ? FeeSettlement.Cashless
            : FeeSettlement.None;
        return new DossierFacts(
            commune,
            Text(values, DossierFields.ProcedureCode) ?? string.Empty,
            status,
            channel,
            Text(values, DossierFields.ReceivedBy),
            status == DossierStatus.Draft ? null : LegalDate(Text(values, DossierFields.ReceivedAt)),
            DateOnly.TryParseExact(Text(values, DossierFields.DueDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            LegalDate(Text(values, DossierFields.ClosedAt)),
            fee,
            Flag(values, DossierFields.ResultDigitised),
            Flag(values, DossierFields.DataReused),
            rating?.Rating,
            rating is { } given ? VietnamDate(given.At) : null);
    }

    /// <summary>The Vietnam date of a moment: the date the office's legal papers carry.</summary>
    public static DateOnly VietnamDate(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(AppointmentCalculator.VietnamOffset).DateTime);

    private static DateOnly? LegalDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment) ? VietnamDate(moment) : null;

    private static string? Text(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Flag(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var json) && json.Trim() == "true";

    private static string? PaymentMethod(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("method", out var method)
                && method.ValueKind == JsonValueKind.String
                ? method.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
