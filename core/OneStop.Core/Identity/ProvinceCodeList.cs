using System.Text.Json;

namespace OneStop.Core.Identity;

/// <summary>
/// The 63 pre-2025 province codes (GSO codes padded to 3 digits) that begin a CCCD. They name where a birth was
/// registered, so the list does not follow the 2025 mergers: 002 Hà Giang and 010 Lào Cai stay valid.
/// </summary>
public sealed class ProvinceCodeList
{
    private readonly Dictionary<string, string> _names;

    public ProvinceCodeList(IEnumerable<KeyValuePair<string, string>> codesToNames)
    {
        _names = new Dictionary<string, string>(codesToNames, StringComparer.Ordinal);
    }

    /// <summary>Embedded copy of communes.json's cccd_birth_registration_province_codes, for when the hub has not sent one.</summary>
    public static ProvinceCodeList Default { get; } = new(DefaultProvinceCodes.All);

    public IReadOnlyCollection<string> Codes => _names.Keys;

    public bool Contains(string code) => _names.ContainsKey(code);

    public string? NameOf(string code) => _names.GetValueOrDefault(code);

    /// <summary>Reads cccd_birth_registration_province_codes.codes from the text of communes.json.</summary>
    public static ProvinceCodeList ParseCommunesJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var codes = document.RootElement.GetProperty("cccd_birth_registration_province_codes").GetProperty("codes");
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in codes.EnumerateArray())
        {
            var code = item.GetProperty("code").GetString();
            if (code is null || code.Length != 3 || !code.All(char.IsAsciiDigit))
            {
                throw new FormatException($"Province code '{code}' is not 3 digits.");
            }

            var name = item.TryGetProperty("province_name_before_2025", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            pairs.Add(new(code, name));
        }

        return new ProvinceCodeList(pairs);
    }
}
