using System.ComponentModel.DataAnnotations;
using OneStop.Core.Clock;

namespace OneStop.Edge.Clock;

/// <summary>How the node judges its own clock (section "Clock"). The module itself is section "Hardware:Clock".</summary>
public sealed class ClockWatchOptions
{
    public const string Section = "Clock";

    /// <summary>Default pause between clock checks (RTC read, health published): 5 s.</summary>
    public const int DefaultPollSeconds = 5;

    /// <summary>Default gap between the RTC and the hub past which the RTC is set again: 2 s.</summary>
    public const int DefaultRtcToleranceMs = 2000;

    /// <summary>How far the wall clock may be behind the newest known time before it is suspect: 5 minutes (<see cref="ClockHealthPolicy.DefaultBehindToleranceMs"/>).</summary>
    [Range(0, long.MaxValue)]
    public long BehindToleranceMs { get; set; } = ClockHealthPolicy.DefaultBehindToleranceMs;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    /// <summary>Default true: set the clock module from the hub's time after a handshake when it is off or stopped.</summary>
    public bool SetRtcFromHub { get; set; } = true;

    [Range(0, 3_600_000)]
    public int RtcToleranceMs { get; set; } = DefaultRtcToleranceMs;
}
