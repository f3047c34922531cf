using System.Security.Claims;
using OneStop.Core.Nodes;

namespace OneStop.HubConsole.Ports;

/// <summary>
/// A node's settings (its node_config record, docs/node-settings.md) as the console reads and changes them. The hub
/// writes the record in the node's commune scope, so the node pulls the change on its next sync.
/// </summary>
public interface IConsoleNodeSettings
{
    /// <summary>The node's settings as stored (fields it lacks are absent: the node falls back to its own file); null when the hub knows no such node.</summary>
    Task<NodeSettingsView?> ReadAsync(string nodeId, CancellationToken cancellationToken);

    /// <summary>Writes the fields given (blank clears one) after the same checks the node makes; nothing is written when any fails.</summary>
    Task<NodeSettingsSave> SaveAsync(ClaimsPrincipal actor, string nodeId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken);
}

public sealed record NodeSettingsView(string NodeId, string CommuneCode, IReadOnlyDictionary<string, string?> Values);

/// <summary>The outcome of a save: refused as a whole (<see cref="Result"/>) or per field (<see cref="FieldErrors"/>, field → word key).</summary>
public sealed record NodeSettingsSave(ConsoleResult Result, IReadOnlyDictionary<string, string> FieldErrors)
{
    public static NodeSettingsSave Saved { get; } = new(ConsoleResult.Ok, new Dictionary<string, string>());

    public bool Succeeded => Result.Succeeded && FieldErrors.Count == 0;

    public static NodeSettingsSave Refused(string errorKey) => new(ConsoleResult.Refused(errorKey), new Dictionary<string, string>());
}

/// <summary>Which fields the console edits, and the words for <see cref="NodeConfigRules"/>' error codes; one place for the page and the hub.</summary>
public static class ConsoleNodeSettingsFields
{
    /// <summary>Everything but the commune (moving a node is a new enrolment) and the node's own setup stamp.</summary>
    public static readonly IReadOnlyList<string> Editable =
        [.. NodeConfigFields.All.Where(f => f is not NodeConfigFields.CommuneCode and not NodeConfigFields.SetupCompletedAt)];

    /// <summary>The checks of the node (<see cref="NodeConfigRules.Validate"/>) as word keys, on the settings as they will stand.</summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string?> values) =>
        NodeConfigRules.Validate(values).ToDictionary(e => e.Key, e => "nodesettings.error." + e.Value, StringComparer.Ordinal);
}
