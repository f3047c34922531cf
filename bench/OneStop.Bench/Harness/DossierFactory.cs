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
        // A form is about several people (child, mother, father, bride, groom): each prefix is one resident, so a
        // person's ID number and birth date agree (the desk checks the CCCD's birth-year digits).
        var people = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var form = new JsonObject();
        foreach (var field in procedure.GetProperty("form").EnumerateArray())
        {
            // A conditionally required answer is always given, so the condition never decides refusal.
            var required = (field.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True) || field.TryGetProperty("required_if", out _);
            if (!required && _random.Next(2) == 0)
            {
                continue;
            }

            // Some synthetic residents have no phone or ID number: leave the answer out rather than send null.
            var key = field.GetProperty("key").GetString()!;
            var prefix = key.Split('.')[0];
            if (!people.TryGetValue(prefix, out var person))
            {
                person = prefix switch
                {
                    "requester" or "applicant" => applicant,
                    "mother" or "bride" => Resident("nu"),
                    "father" or "groom" => Resident("nam"),
                    _ => Resident(),
                };
                people[prefix] = person;
            }

            if (Value(field, person) is { } value)
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

    private JsonElement Resident(string gender)
    {
        var of = _residents.Where(r => r.GetProperty("gender").GetString() == gender).ToArray();
        return of[_random.Next(of.Length)];
    }

    private string? Value(JsonElement field, JsonElement person)
    {
        var key = field.GetProperty("key").GetString()!;
        return field.GetProperty("type").GetString() switch
        {
            "date" => key.Contains("birth", StringComparison.Ordinal)
                ? person.GetProperty("date_of_birth").GetString()!
                : new DateOnly(2025, 1, 1).AddDays(_random.Next(330)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "id_number" => person.GetProperty("personal_id_number").GetString() ?? IdNumber(person),
            "phone" => person.GetProperty("phone").GetString(),
            "number" => Number(field),
            "boolean" => _random.Next(2) == 0 ? "true" : "false",
            "select" when key.EndsWith(".gender", StringComparison.Ordinal) => person.GetProperty("gender").GetString(),
            "select" => Option(field),
            "address" => Address(person),
            _ => Text(key, person, field),
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

    private string Number(JsonElement field)
    {
        var min = Bound(field, "min") ?? 1;
        var max = Math.Min(Bound(field, "max") ?? long.MaxValue, min + 4);
        return (min + _random.NextInt64(max - min + 1)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A CCCD for a resident the sample gives none (children): province 002, then the century-and-sex digit
    /// (Circular 59/2021: 0/1 for men/women born in the 1900s, 2/3 in the 2000s), the birth year's last two digits.
    /// </summary>
    private string IdNumber(JsonElement person)
    {
        var born = DateOnly.ParseExact(person.GetProperty("date_of_birth").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var female = person.GetProperty("gender").GetString() == "nu" ? 1 : 0;
        var digit = ((born.Year / 100) - 19) * 2 + female;
        return FormattableString.Invariant($"002{digit}{born.Year % 100:D2}{_random.Next(1_000_000):D6}");
    }

    private static long? Bound(JsonElement field, string name) =>
        field.TryGetProperty("validation", out var v) && v.TryGetProperty(name, out var b) ? b.GetInt64() : null;

    private string Text(string key, JsonElement person, JsonElement field)
    {
        // Fields with a format of their own (docs: procedures.json validation) get a value of that format.
        switch (key)
        {
            case "business.name":
                return "Hộ kinh doanh " + person.GetProperty("full_name").GetString();
            case "business.lines":
                return "4711,5610";
            case "payment.bank_account":
            case "land.certificate_serial":
                return (key == "land.certificate_serial" ? "CS" : string.Empty) + _random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)[..8];
        }

        if (key.Contains("name", StringComparison.Ordinal))
        {
            return person.GetProperty("full_name").GetString()!;
        }

        var maxLength = (int)(Bound(field, "max_length") ?? int.MaxValue);
        if (maxLength <= 30)
        {
            return $"{_random.Next(1, 300)}/2025";
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
