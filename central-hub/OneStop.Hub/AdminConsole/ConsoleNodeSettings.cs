using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Nodes;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Store;
using OneStop.HubConsole.Ports;
using OneStop.Storage;

namespace OneStop.Hub.AdminConsole;

/// <summary>
/// The node settings page's door: the node's node_config record, written as the hub in the node's commune scope so the
/// node pulls it. The rules are checked again here (the page checks first), on the settings as they will stand, and a
/// refused save writes nothing.
/// </summary>
public sealed class ConsoleNodeSettings(HubStore store, EnrolmentStore enrolment, IOptions<HubOptions> options, ConsoleAuditLog audit) : IConsoleNodeSettings
{
    public async Task<NodeSettingsView?> ReadAsync(string nodeId, CancellationToken cancellationToken)
    {
        var (commune, values) = await LoadAsync(nodeId, cancellationToken);
        return commune is null ? null : new NodeSettingsView(nodeId, commune, values);
    }

    public async Task<NodeSettingsSave> SaveAsync(ClaimsPrincipal actor, string nodeId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (ConsoleWrites.RefuseUnlessAdmin(actor, "nodesettings.error.forbidden") is { } refused)
        {
            return new NodeSettingsSave(refused, new Dictionary<string, string>());
        }

        var (commune, current) = await LoadAsync(nodeId, cancellationToken);
        if (commune is null)
        {
            return NodeSettingsSave.Refused("nodesettings.error.unknown");
        }

        // Only what the admin changed is written: rewriting an untouched field would make a needless conflict with
        // an edit the commune admin made at the node meanwhile.
        var changed = values
            .Where(v => ConsoleNodeSettingsFields.Editable.Contains(v.Key))
            .Select(v => (Field: v.Key, Value: string.IsNullOrWhiteSpace(v.Value) ? null : v.Value.Trim()))
            .Where(v => v.Value != current.GetValueOrDefault(v.Field))
            .ToList();
        var after = new Dictionary<string, string?>(current, StringComparer.Ordinal);
        foreach (var (field, value) in changed)
        {
            after[field] = value;
        }

        var errors = ConsoleNodeSettingsFields.Check(after);
        if (errors.Count > 0)
        {
            return new NodeSettingsSave(ConsoleResult.Refused("nodesettings.error.fields"), errors);
        }

        if (changed.Count == 0)
        {
            return NodeSettingsSave.Saved;
        }

        var json = changed.ToDictionary(c => c.Field, c => ToJson(c.Field, c.Value), StringComparer.Ordinal);
        await store.WriteAsHubAsync(NodeConfigFields.RecordId(nodeId), RecordTypes.NodeConfig, commune, json, cancellationToken);
        await audit.AppendAsync(ConsoleWrites.Actor(actor), "nodesettings.save", nodeId, string.Join(", ", changed.Select(c => c.Field)), cancellationToken);
        return NodeSettingsSave.Saved;
    }

    // The record's scope once it exists; before that the commune the hub registered or enrolled the node for.
    private async Task<(string? Commune, Dictionary<string, string?> Values)> LoadAsync(string nodeId, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var record = await store.GetAsync(NodeConfigFields.RecordId(nodeId), cancellationToken);
        if (record is not null)
        {
            using var document = JsonDocument.Parse(RecordData.Of(record).DataJson);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        var commune = record?.Scope
            ?? options.Value.Nodes.FirstOrDefault(n => n.Id == nodeId)?.CommuneCode
            ?? (await enrolment.ListCertificatesAsync(nodeId, cancellationToken)).OrderByDescending(c => c.NotBeforeMs).FirstOrDefault()?.CommuneCode;
        return (string.IsNullOrEmpty(commune) ? null : commune, values);
    }

    private static string? ToJson(string field, string? value) =>
        value is null ? null
        : field == NodeConfigFields.SyncIntervalSeconds ? int.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : JsonSerializer.Serialize(value);
}
