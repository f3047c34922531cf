using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Changes;
using OneStop.Core.Nodes;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Edge.Ui;
using OneStop.Hardware;

namespace OneStop.Edge.Nodes;

/// <summary>
/// This node's settings: the node_config record named for the node (docs/node-settings.md), written through the store's
/// one write path so it syncs to the province like any record. A field the record lacks falls back to the node's
/// configuration (Edge:Ui:*, Sync:*), so a node configured by file keeps working before anyone opens the setup page.
/// </summary>
public sealed class EdgeNodeSettings(
    EdgeStore store,
    IOptions<EdgeOptions> edgeOptions,
    IOptions<EdgeUiOptions> uiOptions,
    IOptions<SyncOptions> syncOptions,
    IOptions<HardwareOptions> hardwareOptions,
    TimeProvider time)
{
    /// <summary>How long a read of the record serves the slips before it is read again (console edits arrive by pull): 10 s.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly Lazy<CommuneList> _communes = new(() =>
    {
        var file = Path.Combine(Path.GetDirectoryName(edgeOptions.Value.CatalogueFile) ?? AppContext.BaseDirectory, "communes.json");
        return File.Exists(file) ? CommuneList.ParseCommunesJson(File.ReadAllText(file)) : new CommuneList([]);
    });

    private volatile Snapshot? _cached;

    private sealed record Snapshot(IReadOnlyDictionary<string, string?> Values, bool SetupCompleted, DateTimeOffset ReadAt);

    public Guid RecordId => NodeConfigFields.RecordId(edgeOptions.Value.NodeId);

    public CommuneList Communes => _communes.Value;

    /// <summary>The settings as last read; read again in the background once <see cref="CacheFor"/> has passed.</summary>
    public IReadOnlyDictionary<string, string?> Current
    {
        get
        {
            var cached = _cached;
            if (cached is null || time.GetUtcNow() - cached.ReadAt > CacheFor)
            {
                _ = Task.Run(() => ReadAsync(CancellationToken.None));
            }

            return cached?.Values ?? Defaults(new Dictionary<string, string?>(StringComparer.Ordinal));
        }
    }

    /// <summary>Every field's text (record first, then configuration) and whether the first-run setup is done.</summary>
    public async Task<(IReadOnlyDictionary<string, string?> Values, bool SetupCompleted)> ReadAsync(CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(RecordId, cancellationToken);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (record is not null && record.Type == RecordTypes.NodeConfig)
        {
            using var document = JsonDocument.Parse(Storage.RecordData.Of(record).DataJson);
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

        var completed = !string.IsNullOrEmpty(values.GetValueOrDefault(NodeConfigFields.SetupCompletedAt));
        var merged = Defaults(values);
        _cached = new Snapshot(merged, completed, time.GetUtcNow());
        return (merged, completed);
    }

    /// <summary>Writes the fields given (blank deletes one), after the same checks the province console makes.</summary>
    /// <returns>Field name → error code of <see cref="NodeConfigRules"/>; empty when written.</returns>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, string?> values, bool completeSetup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = values.Where(v => NodeConfigFields.All.Contains(v.Key) && v.Key != NodeConfigFields.SetupCompletedAt)
            .ToDictionary(v => v.Key, v => string.IsNullOrWhiteSpace(v.Value) ? null : v.Value.Trim(), StringComparer.Ordinal);
        // Checked as the settings will stand after the write: a new account number alone still needs the BIN it goes with.
        var after = new Dictionary<string, string?>((await ReadAsync(cancellationToken)).Values, StringComparer.Ordinal);
        after.Remove(NodeConfigFields.SetupCompletedAt);
        foreach (var (name, value) in known)
        {
            after[name] = value;
        }

        var errors = new Dictionary<string, string>(NodeConfigRules.Validate(after), StringComparer.Ordinal);
        var commune = edgeOptions.Value.CommuneCode;
        if (known.GetValueOrDefault(NodeConfigFields.CommuneCode) is { } picked && picked != commune)
        {
            // The node writes only its commune's scope; moving it to another commune is a new enrolment, not a setting.
            errors.TryAdd(NodeConfigFields.CommuneCode, NodeConfigRules.ErrorCommuneCode);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var json = known.ToDictionary(
            v => v.Key,
            v => v.Value is null ? null : v.Key == NodeConfigFields.SyncIntervalSeconds
                ? int.Parse(v.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                : JsonSerializer.Serialize(v.Value),
            StringComparer.Ordinal);
        if (completeSetup)
        {
            json[NodeConfigFields.SetupCompletedAt] = JsonSerializer.Serialize(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        }

        // Deleting a field the record never had would log a change for nothing.
        var existing = await store.GetAsync(RecordId, cancellationToken);
        foreach (var cleared in json.Where(v => v.Value is null).Select(v => v.Key).ToList())
        {
            if (existing is null || !Storage.RecordData.Of(existing).DataJson.Contains($"\"{cleared}\"", StringComparison.Ordinal))
            {
                json.Remove(cleared);
            }
        }

        await store.WriteAsync(RecordId, RecordTypes.NodeConfig, commune, json, cancellationToken);
        await ReadAsync(cancellationToken);
        return errors;
    }

    /// <summary>The node's address on the office network with the port the desk was reached on; null when it has none.</summary>
    public static string? LanAddress(Uri? reachedAt)
    {
        var port = reachedAt is { IsDefaultPort: false } ? $":{reachedAt.Port}" : string.Empty;
        var scheme = reachedAt?.Scheme ?? Uri.UriSchemeHttp;
        if (reachedAt is not null && !reachedAt.IsLoopback)
        {
            return $"{scheme}://{reachedAt.Authority}";
        }

        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return address is null ? reachedAt is null ? null : $"{scheme}://{reachedAt.Authority}" : $"{scheme}://{address}{port}";
    }

    private Dictionary<string, string?> Defaults(Dictionary<string, string?> values)
    {
        var ui = uiOptions.Value;
        var commune = edgeOptions.Value.CommuneCode;
        void Default(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(values.GetValueOrDefault(field)) && !string.IsNullOrWhiteSpace(value))
            {
                values[field] = value;
            }
        }

        Default(NodeConfigFields.CommuneCode, commune);
        Default(NodeConfigFields.CommuneName, Communes.Find(commune)?.Name);
        Default(NodeConfigFields.BankBin, ui.BankBin);
        Default(NodeConfigFields.BankAccount, ui.BankAccount);
        Default(NodeConfigFields.BankAccountName, ui.BankAccountName);
        Default(NodeConfigFields.HubAddress, syncOptions.Value.HubUrl?.ToString());
        Default(NodeConfigFields.SyncIntervalSeconds, syncOptions.Value.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
        Default(NodeConfigFields.PrinterProfile, $"{hardwareOptions.Value.Printer.PaperWidthMillimetres}mm");
        return values;
    }
}
