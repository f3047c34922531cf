namespace OneStop.Ui.Localisation;

/// <summary>
/// Turns the technical text of a failure (a socket error from the sync agent, a driver's fault) into the key of
/// words a clerk can act on. The raw text stays available as a tooltip for whoever fixes it.
/// </summary>
public static class TechnicalCauses
{
    private static readonly (string Needle, string Key)[] SyncCauses =
    [
        ("refused", "cause.sync.refused"),
        ("timed out", "cause.sync.timeout"),
        ("timeout", "cause.sync.timeout"),
        ("name or service not known", "cause.sync.dns"),
        ("no such host", "cause.sync.dns"),
        ("network is unreachable", "cause.sync.network"),
        ("no route to host", "cause.sync.network"),
        ("ssl", "cause.sync.tls"),
        ("certificate", "cause.sync.tls"),
        ("unauthorized", "cause.sync.auth"),
        ("401", "cause.sync.auth"),
        ("403", "cause.sync.auth"),
    ];

    private static readonly (string Needle, string Key)[] DeviceFaults =
    [
        ("paper out", "cause.device.paper_out"),
        ("cover open", "cause.device.cover_open"),
        ("offline", "cause.device.offline"),
        ("not connected", "cause.device.offline"),
        ("disconnected", "cause.device.offline"),
    ];

    /// <summary>Key of the words for why the last sync round failed.</summary>
    public static string SyncKey(string? error) => Find(SyncCauses, error) ?? "cause.sync.other";

    /// <summary>Key of the words for a device's fault.</summary>
    public static string DeviceKey(string? fault) => Find(DeviceFaults, fault) ?? "cause.device.other";

    private static string? Find((string Needle, string Key)[] causes, string? text) =>
        string.IsNullOrEmpty(text) ? null : causes.FirstOrDefault(c => text.Contains(c.Needle, StringComparison.OrdinalIgnoreCase)).Key;
}
