using System.Text.RegularExpressions;
using OneStop.Core.Changes;

namespace OneStop.Core.Accounts;

/// <summary>The shape of a commune account, checked alike by the hub's writer, the node's writer and the hub's push check.</summary>
public static partial class StaffAccountRules
{
    /// <summary>A user name: 2 to 40 letters, digits, dot, dash or underscore (no diacritics: typed on any keyboard).</summary>
    public static bool IsUserName(string? userName) => userName is not null && UserName().IsMatch(userName);

    public static bool IsCommuneCode(string? communeCode) => communeCode is not null && CommuneCode().IsMatch(communeCode);

    /// <summary>
    /// Why a node may not push this staff_account entry; null when it may. A commune's node manages its own commune's
    /// accounts (staff, volunteer, commune admin) and nothing else: each entry names the user, so the hub can check the
    /// record id is that user's in this commune, and any role it sets is a commune role.
    /// </summary>
    public static string? RefuseFromNode(ChangeEntry entry, string communeCode)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var userJson = entry.Fields.FirstOrDefault(f => f.Name == StaffAccountFields.UserName && !f.Deleted)?.Json;
        var userName = JsonText(userJson);
        if (!IsUserName(userName))
        {
            return "a staff account written by a node names its user (user_name) in every entry";
        }

        if (entry.RecordId != StaffAccountFields.RecordId(communeCode, userName!))
        {
            return $"record {entry.RecordId} is not the account '{userName}' of commune {communeCode}";
        }

        foreach (var field in entry.Fields.Where(f => f.Name == StaffAccountFields.Role))
        {
            if (field.Deleted || !StaffAccountFields.Roles.Contains(JsonText(field.Json) ?? string.Empty))
            {
                return $"role {field.Json ?? "(deleted)"} is not a commune role";
            }
        }

        return null;
    }

    /// <summary>The text of a JSON string value; null for anything else.</summary>
    internal static string? JsonText(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.String ? document.RootElement.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{2,40}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCode();
}
