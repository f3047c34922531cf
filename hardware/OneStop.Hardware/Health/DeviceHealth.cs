namespace OneStop.Hardware.Health;

/// <summary>
/// What the device page and the hub see for one device. <paramref name="Details"/> carries device-specific
/// facts as text (paper, battery %, firmware) so the hub can store them without knowing every device.
/// </summary>
public sealed record DeviceHealth(
    string DeviceId,
    string Kind,
    bool Connected,
    string? LastError,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, string> Details);
