namespace OneStop.Core.Clock;

/// <summary>
/// What a node knows about the time at one moment, every value in Unix milliseconds read now.
/// </summary>
/// <param name="WallMs">The system clock.</param>
/// <param name="NewestKnownMs">The newest time the node has written or seen (its hybrid clock, the hub's time at the last handshake); 0 when it knows none.</param>
/// <param name="HubNowMs">The hub's time now, carried forward from a handshake in this run on a monotonic clock; null without one.</param>
/// <param name="LastHubOffsetMs">Node minus hub as the hub measured it at the last handshake, remembered across restarts; null when never measured.</param>
/// <param name="RtcNowMs">A real-time clock module's time now, when the module is present and its oscillator never stopped.</param>
public sealed record ClockEvidence(long WallMs, long NewestKnownMs, long? HubNowMs = null, long? LastHubOffsetMs = null, long? RtcNowMs = null);

/// <summary>Why the clock is not trusted (or <see cref="None"/>).</summary>
public enum ClockSuspicion
{
    None,

    /// <summary>The wall clock is behind the newest time the node has written or seen: it went back (a power cut without RTC).</summary>
    BehindNewestKnown,

    /// <summary>The hub measured the wall clock far from its own.</summary>
    HubMeasuredOff,

    /// <summary>A trusted real-time clock module disagrees with the wall clock.</summary>
    RtcDisagrees,
}

/// <summary>Where the time used for legal dates comes from.</summary>
public enum LegalTimeSource
{
    /// <summary>The system clock, trusted.</summary>
    Wall,

    /// <summary>The hub's time learnt at a handshake in this run.</summary>
    Hub,

    /// <summary>A real-time clock module whose oscillator never stopped.</summary>
    Rtc,

    /// <summary>No trusted source: a person must confirm the date.</summary>
    Estimate,
}

/// <param name="Suspect">The wall clock is wrong or may be: the desk and the fleet view say so.</param>
/// <param name="Reason">Why.</param>
/// <param name="WallErrorMs">Wall clock minus the best estimate (negative: behind).</param>
/// <param name="BestEstimateMs">The best estimate of the time now; legal dates use it unless <see cref="ConfirmationRequired"/>.</param>
/// <param name="Source">Where the best estimate comes from.</param>
public sealed record ClockAssessment(bool Suspect, ClockSuspicion Reason, long WallErrorMs, long BestEstimateMs, LegalTimeSource Source)
{
    /// <summary>No trusted time: receiving, collecting a fee and returning a result need a person to confirm the date.</summary>
    public bool ConfirmationRequired => Source == LegalTimeSource.Estimate && Suspect;
}
