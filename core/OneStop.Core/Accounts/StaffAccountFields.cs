using OneStop.Core.Changes;

namespace OneStop.Core.Accounts;

/// <summary>
/// A staff account as the hub sends it to the nodes of one commune: one record per (commune, user name),
/// with a password hash (ASP.NET Core PasswordHasher format), never a password.
/// </summary>
public static class StaffAccountFields
{
    public const string UserName = "user_name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string PasswordHash = "password_hash";
    public const string Disabled = "disabled";

    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal) { "volunteer", "staff", "commune_admin" };

    public static Guid RecordId(string communeCode, string userName) =>
        NameBasedIds.For($"onestop:staff_account:{communeCode}:{userName.ToLowerInvariant()}");
}
