using System.Text.Json;

namespace OneStop.Core.Catalogue;

/// <summary>Reads the catalogue file format (see core/data/procedures.json) into <see cref="Procedure"/> values.</summary>
public static class ProcedureCatalogueParser
{
    public static IReadOnlyList<Procedure> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var list = new List<Procedure>();
        foreach (var item in document.RootElement.GetProperty("procedures").EnumerateArray())
        {
            list.Add(ParseOne(item));
        }

        return list;
    }

    public static Procedure ParseOne(JsonElement item)
    {
        var time = item.TryGetProperty("processing_time", out var t) ? t : default;
        var fees = item.TryGetProperty("fees", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(ParseFee).ToList()
            : [];
        var documents = item.TryGetProperty("required_documents", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(doc => new RequiredDocument(
                Text(doc, "name_vi"),
                Text(doc, "name_en"),
                doc.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True,
                Text(doc, "kind"))).ToList()
            : [];
        return new Procedure(
            Text(item, "code"),
            Text(item, "name_vi"),
            Text(item, "name_en"),
            Text(item, "field_vi"),
            Text(item, "field_en"),
            OptionalInt(time, "working_days") ?? 0,
            time.ValueKind == JsonValueKind.Object && time.TryGetProperty("same_day", out var s) && s.ValueKind == JsonValueKind.True,
            fees,
            documents,
            item.TryGetProperty("form", out var form) ? form.GetRawText() : "[]")
        {
            FeeFormula = OptionalText(item, "fee_formula"),
            FeeExemptGroups = item.TryGetProperty("fee_exempt_groups", out var g) && g.ValueKind == JsonValueKind.Array
                ? g.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [],
            StatutoryDeadline = ParseDeadline(item),
            ProcessingTime = new ProcessingTimeDetails(
                OptionalInt(time, "extension_if_verification_working_days"),
                OptionalInt(time, "extension_remote_area_working_days"),
                OptionalInt(time, "calendar_days"),
                OptionalInt(time, "then_working_days"),
                time.ValueKind == JsonValueKind.Object && time.TryGetProperty("estimate", out var e) && e.ValueKind == JsonValueKind.True),
            Handling = Text(item, "handling"),
            NationalCode = OptionalText(item, "national_code"),
            OnlineFiling = item.TryGetProperty("online_filing", out var online) && online.ValueKind == JsonValueKind.True,
            FeeVersions = ParseFeeVersions(item),
            RetiredFrom = OptionalDate(item, "retired_from"),
            FormVersion = OptionalInt(item, FormSchemaVersions.FormVersion) ?? FormSchemaVersions.First,
            FormHistory = item.TryGetProperty(FormSchemaVersions.FormHistory, out var history) ? FormSchemaVersions.ParseHistory(history) : [],
            LegalBasis = item.TryGetProperty("legal_basis", out var basis) && basis.ValueKind == JsonValueKind.Array
                ? basis.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [],
        };
    }

    private static ProcedureFee ParseFee(JsonElement fee) =>
        new(
            fee.TryGetProperty("amount_vnd", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : null,
            Text(fee, "unit"),
            OptionalText(fee, "note_vi"))
        {
            Key = Text(fee, "key"),
            LabelVi = Text(fee, "label_vi"),
            LabelEn = Text(fee, "label_en"),
            ExampleOnly = fee.TryGetProperty("example_only", out var x) && x.ValueKind == JsonValueKind.True,
            SetBy = OptionalText(fee, "set_by"),
        };

    /// <summary>Versions with an unreadable date are dropped: a node must not charge a table it cannot date.</summary>
    private static List<FeeVersion> ParseFeeVersions(JsonElement item)
    {
        if (!item.TryGetProperty(CatalogueKeys.FeeVersions, out var versions) || versions.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<FeeVersion>();
        foreach (var version in versions.EnumerateArray())
        {
            if (version.ValueKind == JsonValueKind.Object
                && OptionalDate(version, CatalogueKeys.EffectiveFrom) is { } from
                && version.TryGetProperty("fees", out var fees) && fees.ValueKind == JsonValueKind.Array)
            {
                list.Add(new FeeVersion(from, [.. fees.EnumerateArray().Select(ParseFee)]));
            }
        }

        return list;
    }

    private static DateOnly? OptionalDate(JsonElement element, string name) =>
        OptionalText(element, name) is { } text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    private static StatutoryDeadline? ParseDeadline(JsonElement item)
    {
        if (!item.TryGetProperty("statutory_deadline", out var deadline) || deadline.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var days = OptionalInt(deadline, "days");
        return days is null ? null : new StatutoryDeadline(days.Value, Text(deadline, "from"), OptionalText(deadline, "basis"));
    }

    private static int? OptionalInt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : null;

    private static string Text(JsonElement element, string name) => OptionalText(element, name) ?? string.Empty;

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
