using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Devices;

/// <summary>How the node watches its peripherals (section "Devices"); which driver each uses is section "Hardware".</summary>
public sealed class DeviceOptions
{
    public const string Section = "Devices";

    /// <summary>Default pause between health reads (and status-display refreshes): 5 s.</summary>
    public const int DefaultPollSeconds = 5;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = DefaultPollSeconds;
}
