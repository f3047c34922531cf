using System.Globalization;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Merge;

namespace OneStop.Edge.Clock;

/// <summary>
/// Dossier fields that carry legal dates written while the clock was suspect. Each confirmation is written in the
/// same change as the act it dates, so the record's field history pairs it with the receipt, payment or result.
/// </summary>
public static class LegalDateFields
{
    /// <summary>The request field (HTTP API) and form field (desk) that carries the date a person confirmed.</summary>
    public const string ConfirmedDate = "confirmedDate";

    /// <summary>JSON: act, date (yyyy-MM-dd), who confirmed, the estimate offered and the wall clock at the time.</summary>
    public const string Confirmation = "legal_date_confirmed";

    /// <summary>When the result was returned (ISO 8601), stamped with the legal time.</summary>
    public const string ResultReturnedAt = "result_returned_at";

    public const string ActReceived = "received";
    public const string ActFee = "fee";
    public const string ActResultReturned = "result_returned";

    public static string Json(LegalDateConfirmation confirmation) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["act"] = confirmation.Act,
            ["date"] = confirmation.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["by"] = confirmation.By,
            ["estimate"] = confirmation.Estimate.ToString("O", CultureInfo.InvariantCulture),
            ["wall"] = confirmation.Wall.ToString("O", CultureInfo.InvariantCulture),
        });

    /// <summary>Every confirmation the record holds, from every office, oldest first.</summary>
    public static IReadOnlyList<LegalDateConfirmation> Read(StoredRecord record)
    {
        var found = new List<LegalDateConfirmation>();
        foreach (var write in FieldHistory.Writes(record, Confirmation))
        {
            if (!write.Deleted && write.Json is { } json && Parse(json) is { } confirmation)
            {
                found.Add(confirmation);
            }
        }

        return found;
    }

    private static LegalDateConfirmation? Parse(string json)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return values is not null
                && values.TryGetValue("act", out var act)
                && values.TryGetValue("date", out var dateText) && DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && values.TryGetValue("by", out var by)
                ? new LegalDateConfirmation(act, date, by, Moment(values.GetValueOrDefault("estimate")), Moment(values.GetValueOrDefault("wall")))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Moment(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment) ? moment : DateTimeOffset.MinValue;
}

/// <param name="Act">What was dated: <see cref="LegalDateFields.ActReceived"/>, <see cref="LegalDateFields.ActFee"/>, <see cref="LegalDateFields.ActResultReturned"/>.</param>
/// <param name="Date">The date the person confirmed.</param>
/// <param name="By">Who confirmed it.</param>
/// <param name="Estimate">The node's best estimate offered to them.</param>
/// <param name="Wall">The (suspect) system clock at the time.</param>
public sealed record LegalDateConfirmation(string Act, DateOnly Date, string By, DateTimeOffset Estimate, DateTimeOffset Wall);

/// <param name="At">The moment legal dates are computed from.</param>
/// <param name="Confirmation">Set when a person confirmed the date because the clock was suspect.</param>
public sealed record LegalStamp(DateTimeOffset At, LegalDateConfirmation? Confirmation)
{
    /// <summary>Adds the confirmation (when there is one) to the change that carries the act.</summary>
    public void AddTo(IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Confirmation is { } confirmation)
        {
            values[LegalDateFields.Confirmation] = LegalDateFields.Json(confirmation);
        }
    }
}
