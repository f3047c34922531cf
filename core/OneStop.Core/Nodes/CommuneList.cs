using System.Text.Json;
using OneStop.Core.Text;

namespace OneStop.Core.Nodes;

/// <summary>A commune of the 2025 list (communes.json), as the setup page offers it.</summary>
public sealed record Commune(string Code, string Name, string ProvinceName);

/// <summary>The communes in force from 1 July 2025, searched without diacritics ("sa pa" finds "Phường Sa Pa").</summary>
public sealed class CommuneList(IReadOnlyList<Commune> communes)
{
    public IReadOnlyList<Commune> All { get; } = communes;

    public Commune? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    /// <summary>Best matches first, on the commune's name, its province's name or its code.</summary>
    public IReadOnlyList<Commune> Search(string? query, int max = 20) =>
        string.IsNullOrWhiteSpace(query)
            ? [.. All.Take(max)]
            : [.. All.Select(c => (Commune: c, Score: Math.Max(SearchMatcher.Score(query, c.Name), Math.Max(SearchMatcher.Score(query, c.ProvinceName) / 2, c.Code.StartsWith(query.Trim(), StringComparison.Ordinal) ? 500 : 0))))
                .Where(m => m.Score > 0)
                .OrderByDescending(m => m.Score)
                .ThenBy(m => m.Commune.Code, StringComparer.Ordinal)
                .Take(max)
                .Select(m => m.Commune)];

    /// <summary>Reads the communes array of communes.json (code, name, province_name).</summary>
    public static CommuneList ParseCommunesJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var communes = new List<Commune>();
        foreach (var item in document.RootElement.GetProperty("communes").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString() ?? string.Empty;
            if (code.Length != 5 || !code.All(char.IsAsciiDigit))
            {
                throw new FormatException($"Commune code '{code}' is not 5 digits.");
            }

            communes.Add(new Commune(code, item.GetProperty("name").GetString() ?? code, item.TryGetProperty("province_name", out var province) ? province.GetString() ?? string.Empty : string.Empty));
        }

        return new CommuneList(communes);
    }
}
