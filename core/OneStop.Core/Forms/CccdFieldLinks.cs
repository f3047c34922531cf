using OneStop.Core.Identity;

namespace OneStop.Core.Forms;

/// <summary>
/// Finds the answers a cccd_check compares against. The forms group a person's fields under one prefix
/// ("mother.id_number", "mother.date_of_birth"; "deceased.gender"), so the birth date and sex sit beside the ID number.
/// Some forms have no sex field for a person whose role fixes it (mother, bride...); the role supplies it then.
/// </summary>
public static class CccdFieldLinks
{
    public const string BirthDateSuffix = "date_of_birth";
    public const string SexSuffix = "gender";

    private static readonly Dictionary<string, Sex> SexByRole = new(StringComparer.Ordinal)
    {
        ["mother"] = Sex.Female,
        ["bride"] = Sex.Female,
        ["father"] = Sex.Male,
        ["groom"] = Sex.Male,
    };

    /// <summary>"mother.id_number" → "mother"; null for a key without a dot.</summary>
    public static string? PersonPrefix(string idFieldKey)
    {
        ArgumentNullException.ThrowIfNull(idFieldKey);
        var dot = idFieldKey.LastIndexOf('.');
        return dot <= 0 ? null : idFieldKey[..dot];
    }

    public static string? BirthDateKey(string idFieldKey) => PersonPrefix(idFieldKey) is { } p ? $"{p}.{BirthDateSuffix}" : null;

    public static string? SexKey(string idFieldKey) => PersonPrefix(idFieldKey) is { } p ? $"{p}.{SexSuffix}" : null;

    /// <summary>The sex a role implies when the form has no sex field for it.</summary>
    public static Sex? ImpliedSex(string idFieldKey) =>
        PersonPrefix(idFieldKey) is { } p && SexByRole.TryGetValue(p, out var sex) ? sex : null;
}
