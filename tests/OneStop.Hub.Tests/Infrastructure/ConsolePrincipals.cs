using System.Security.Claims;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>Signed-in console users as the console's doors see them.</summary>
internal static class ConsolePrincipals
{
    public static ClaimsPrincipal Admin { get; } = Of("qt.tinh", ConsoleRoles.Admin);

    public static ClaimsPrincipal Viewer { get; } = Of("xem.tinh", ConsoleRoles.Viewer);

    public static ClaimsPrincipal Of(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
