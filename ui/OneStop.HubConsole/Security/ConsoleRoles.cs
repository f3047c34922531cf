namespace OneStop.HubConsole.Security;

/// <summary>The province's roles: admins change things; viewers see the same pages and change nothing.</summary>
public static class ConsoleRoles
{
    public const string Admin = "province_admin";
    public const string Viewer = "province_viewer";

    /// <summary>Either role, for pages every province account may read.</summary>
    public const string Any = Admin + "," + Viewer;

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];
}
