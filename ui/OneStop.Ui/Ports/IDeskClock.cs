namespace OneStop.Ui.Ports;

/// <summary>The node's clock as the desk shows it: every page's banner, the sync bar, the devices page, the date confirmation.</summary>
public interface IDeskClock
{
    DeskClockStatus Read();
}

/// <param name="Suspect">The system clock is wrong or may be.</param>
/// <param name="ConfirmationRequired">No trusted time: receiving, fees and results need today's date confirmed.</param>
/// <param name="WallErrorMs">System clock minus the best estimate (negative: behind).</param>
/// <param name="BestEstimate">The best estimate of now, offered as the date to confirm.</param>
/// <param name="Source">"hub", "rtc", "wall" or "estimate": where legal dates come from.</param>
/// <param name="Reason">"behind_newest_known", "hub_measured_off", "rtc_disagrees" or "none".</param>
/// <param name="Rtc">The clock module: null without one, else "trusted", "stopped" or "unreadable".</param>
/// <param name="RtcTime">The clock module's last reading.</param>
public sealed record DeskClockStatus(bool Suspect, bool ConfirmationRequired, long WallErrorMs, DateTimeOffset BestEstimate, string Source, string Reason, string? Rtc = null, DateTimeOffset? RtcTime = null);

/// <summary>
/// The date the clerk confirmed on the page being submitted, for the intake port to stamp with (one per request or
/// circuit). Set by the ConfirmLegalDate component; null when the clock needed no confirmation.
/// </summary>
public sealed class DeskLegalDate
{
    public DateOnly? Confirmed { get; set; }
}
