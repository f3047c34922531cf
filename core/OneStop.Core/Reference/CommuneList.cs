using System.Text.Json;

namespace OneStop.Core.Reference;

/// <summary>A commune of the 2025 two-tier administrative map (communes.json); PredecessorCount is how many pre-2025 communes merged into it.</summary>
public sealed record Commune(string Code, string Name, string DivisionType, string ProvinceCode, string ProvinceName, int PredecessorCount);

/// <summary>Reads the commune list from the text of core/data/communes.json.</summary>
public static class CommuneList
{
    public static IReadOnlyList<Commune> Parse(string communesJson)
    {
        using var document = JsonDocument.Parse(communesJson);
        var list = new List<Commune>();
        foreach (var item in document.RootElement.GetProperty("communes").EnumerateArray())
        {
            list.Add(new Commune(
                Text(item, "code"),
                Text(item, "name"),
                Text(item, "division_type"),
                Text(item, "province_code"),
                Text(item, "province_name"),
                item.TryGetProperty("predecessors_before_2025_07_01", out var p) && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0));
        }

        return list;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
