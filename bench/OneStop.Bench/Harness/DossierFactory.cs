using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Bench.Harness;

/// <summary>
/// Realistic intake dossiers: a procedure from core/data/procedures.json, its form filled field by field
/// from the synthetic residents of core/data/residents-sample.json (Vietnamese names, IDs, addresses).
/// Required fields always, optional ones half the time. Seeded, so every run sends the same dossiers.
/// </summary>
internal sealed class DossierFactory
{
    private readonly JsonElement[] _procedures;
    private readonly JsonElement[] _residents;
    private readonly Dictionary<string, string[]> _sharedLists;
    private readonly Random _random;

    public DossierFactory(int seed = 6)
    {
        using var procedures = JsonDocument.Parse(File.ReadAllText(RepoPaths.Data("procedures.json")));
        using var residents = JsonDocument.Parse(File.ReadAllText(RepoPaths.Data("residents-sample.json")));
        _procedures = [.. procedures.RootElement.GetProperty("procedures").EnumerateArray().Select(p => p.Clone())];
        _residents = [.. residents.RootElement.GetProperty("residents").EnumerateArray().Select(r => r.Clone())];
        _sharedLists = procedures.RootElement.GetProperty("shared_option_lists").EnumerateObject()
            .ToDictionary(l => l.Name, l => l.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
        _random = new Random(seed);
    }

    /// <summary>The body of POST /api/dossiers.</summary>
    public JsonObject Next()
    {
        var procedure = _procedures[_random.Next(_procedures.Length)];
        var applicant = Resident();
        var form = new JsonObject();
        foreach (var field in procedure.GetProperty("form").EnumerateArray())
        {
            var required = field.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (!required && _random.Next(2) == 0)
            {
                continue;
            }

            // Some synthetic residents have no phone or ID number: leave the answer out rather than send null.
            if (Value(field, applicant) is { } value)
            {
                form[field.GetProperty("key").GetString()!] = value;
            }
        }

        return new JsonObject
        {
            ["procedureCode"] = procedure.GetProperty("code").GetString(),
            ["applicantName"] = applicant.GetProperty("full_name").GetString(),
            ["form"] = form,
        };
    }

    private JsonElement Resident() => _residents[_random.Next(_residents.Length)];

    private string? Value(JsonElement field, JsonElement applicant)
    {
        var key = field.GetProperty("key").GetString()!;
        // A form is about several people (child, mother, father, bride, groom): each prefix gets its own resident.
        var person = key.StartsWith("requester", StringComparison.Ordinal) || key.StartsWith("applicant", StringComparison.Ordinal) ? applicant : Resident();
        return field.GetProperty("type").GetString() switch
        {
            "date" => key.Contains("birth", StringComparison.Ordinal)
                ? person.GetProperty("date_of_birth").GetString()!
                : new DateOnly(2025, 1, 1).AddDays(_random.Next(330)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "id_number" => person.GetProperty("personal_id_number").GetString() ?? "002078990001",
            "phone" => person.GetProperty("phone").GetString(),
            "number" => _random.Next(1, 5).ToString(CultureInfo.InvariantCulture),
            "boolean" => _random.Next(2) == 0 ? "true" : "false",
            "select" => Option(field),
            "address" => Address(person),
            _ => Text(key, person),
        };
    }

    private string Option(JsonElement field)
    {
        if (field.TryGetProperty("options", out var options) && options.GetArrayLength() > 0)
        {
            var option = options[_random.Next(options.GetArrayLength())];
            return option.ValueKind == JsonValueKind.String ? option.GetString()! : option.GetProperty("value").GetString()!;
        }

        return field.TryGetProperty("options_ref", out var list) && _sharedLists.TryGetValue(list.GetString()!, out var values)
            ? values[_random.Next(values.Length)]
            : "khac";
    }

    private static string Address(JsonElement person)
    {
        var address = person.GetProperty("address");
        return new JsonObject
        {
            ["village"] = address.GetProperty("village").GetString(),
            ["commune_code"] = address.GetProperty("commune_code").GetString(),
            ["province_code"] = address.GetProperty("province_code").GetString(),
            ["free_text"] = address.GetProperty("full_vi").GetString(),
        }.ToJsonString();
    }

    private string Text(string key, JsonElement person)
    {
        if (key.Contains("name", StringComparison.Ordinal))
        {
            return person.GetProperty("full_name").GetString()!;
        }

        if (key.Contains("nationality", StringComparison.Ordinal))
        {
            return "Việt Nam";
        }

        string[] reasons =
        [
            "Bổ sung hồ sơ theo hướng dẫn của cán bộ một cửa",
            "Gia đình ở xa, đề nghị trả kết quả qua bưu điện",
            "Giấy tờ gốc bị thất lạc do lũ quét năm 2024",
            "Đề nghị xác nhận để làm thủ tục vay vốn ngân hàng chính sách",
        ];
        return reasons[_random.Next(reasons.Length)];
    }
}
