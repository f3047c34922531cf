using System.Globalization;
using OneStop.Core.Nodes;
using OneStop.Edge.Sync;

namespace OneStop.Edge.Nodes;

/// <summary>
/// The hub address and sync interval of the node's settings record (set at /setup, /settings or the province console),
/// which fall back to section "Sync" of the configuration when the record has none.
/// </summary>
public sealed class NodeSettingsSyncTarget(EdgeNodeSettings settings) : ISyncTargetSource
{
    public async Task<SyncTarget> ReadAsync(CancellationToken cancellationToken)
    {
        var (values, _) = await settings.ReadAsync(cancellationToken);
        var hub = Uri.TryCreate(values.GetValueOrDefault(NodeConfigFields.HubAddress), UriKind.Absolute, out var url) ? url : null;
        var seconds = int.TryParse(values.GetValueOrDefault(NodeConfigFields.SyncIntervalSeconds), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? Math.Clamp(parsed, NodeConfigRules.MinSyncIntervalSeconds, NodeConfigRules.MaxSyncIntervalSeconds)
            : SyncOptions.DefaultIntervalSeconds;
        return new SyncTarget(hub, TimeSpan.FromSeconds(seconds));
    }
}
