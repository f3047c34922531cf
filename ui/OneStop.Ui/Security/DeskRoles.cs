namespace OneStop.Ui.Security;

/// <summary>Role names as they travel in staff accounts from the hub and in the sign-in cookie.</summary>
public static class DeskRoles
{
    public const string Volunteer = "volunteer";
    public const string Staff = "staff";
    public const string CommuneAdmin = "commune_admin";

    public static bool IsKnown(string? role) => role is Volunteer or Staff or CommuneAdmin;
}
