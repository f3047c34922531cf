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
            ? f.EnumerateArray().Select(fee => new ProcedureFee(
                fee.TryGetProperty("amount_vnd", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : null,
                Text(fee, "unit"),
                OptionalText(fee, "note_vi"))).ToList()
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
            time.ValueKind == JsonValueKind.Object && time.TryGetProperty("working_days", out var w) && w.ValueKind == JsonValueKind.Number
                ? w.GetInt32()
                : 0,
            time.ValueKind == JsonValueKind.Object && time.TryGetProperty("same_day", out var s) && s.ValueKind == JsonValueKind.True,
            fees,
            documents,
            item.TryGetProperty("form", out var form) ? form.GetRawText() : "[]");
    }

    private static string Text(JsonElement element, string name) => OptionalText(element, name) ?? string.Empty;

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
