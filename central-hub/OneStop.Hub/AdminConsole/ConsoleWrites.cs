using System.Security.Claims;
using System.Text.Json;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.Hub.AdminConsole;

/// <summary>What every console change checks and records the same way: a province admin, and their name for the audit.</summary>
internal static class ConsoleWrites
{
    public static ConsoleResult? RefuseUnlessAdmin(ClaimsPrincipal actor, string errorKey) =>
        actor.IsInRole(ConsoleRoles.Admin) ? null : ConsoleResult.Refused(errorKey);

    public static string Actor(ClaimsPrincipal actor) => actor.Identity?.Name ?? "?";

    /// <summary>A record's field as raw JSON text, or null when absent.</summary>
    public static string? RawField(string dataJson, string field)
    {
        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.TryGetProperty(field, out var value) ? value.GetRawText() : null;
    }

    public static string Text(JsonElement data, string field) =>
        data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
