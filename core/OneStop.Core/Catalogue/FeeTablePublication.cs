using System.Globalization;
using System.Text.Json.Nodes;

namespace OneStop.Core.Catalogue;

/// <summary>
/// Publishing a fee change: a new entry in the procedure's fee_versions field, starting from the table in force on
/// its effective date (so labels, units and notes carry over) with the province's new amounts. Works on the record's
/// raw JSON so keys this build does not know survive the edit.
/// </summary>
public static class FeeTablePublication
{
    /// <summary>The fee_versions field after adding a version; the catalogue's own fees field is never rewritten.</summary>
    /// <param name="feesJson">The procedure's fees field (JSON array), or null.</param>
    /// <param name="feeVersionsJson">Its fee_versions field, or null when none was ever published.</param>
    /// <param name="effectiveFrom">First receipt date the new amounts apply to.</param>
    /// <param name="amounts">New amount per fee key; keys not listed keep the amount in force that day.</param>
    public static string AddVersion(string? feesJson, string? feeVersionsJson, DateOnly effectiveFrom, IReadOnlyDictionary<string, long> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var versions = JsonNode.Parse(feeVersionsJson ?? "[]") as JsonArray ?? [];
        var lines = TableInForce(feesJson, versions, effectiveFrom);
        foreach (var line in lines.OfType<JsonObject>())
        {
            if (line["key"]?.GetValue<string>() is { } key && amounts.TryGetValue(key, out var amount))
            {
                line["amount_vnd"] = amount;
            }
        }

        versions.Add(new JsonObject
        {
            [CatalogueKeys.EffectiveFrom] = effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [CatalogueKeys.Fees] = lines,
        });
        return versions.ToJsonString();
    }

    /// <summary>A copy of the fee lines in force on <paramref name="day"/>, chosen by <see cref="EffectiveDated"/>.</summary>
    private static JsonArray TableInForce(string? feesJson, JsonArray versions, DateOnly day)
    {
        var dated = versions.OfType<JsonObject>()
            .Select(v => (From: v[CatalogueKeys.EffectiveFrom]?.GetValue<string>() is { } text
                    && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null,
                Fees: v[CatalogueKeys.Fees] as JsonArray))
            .Where(v => v.From is not null && v.Fees is not null)
            .Select(v => new DatedTable(v.From!.Value, v.Fees!))
            .ToList();
        var table = EffectiveDated.InForce(dated, v => v.From, day)?.Fees ?? JsonNode.Parse(feesJson ?? "[]") as JsonArray ?? [];
        return (JsonArray)JsonNode.Parse(table.ToJsonString())!;
    }

    private sealed record DatedTable(DateOnly From, JsonArray Fees);
}
