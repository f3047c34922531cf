using OneStop.Core.Calendar;
using OneStop.Edge.Clock;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>The clock port over <see cref="ClockWatch"/>; it carries no personal data, so no role is needed.</summary>
public sealed class EdgeDeskClock(ClockWatch watch) : IDeskClock
{
    public DeskClockStatus Read()
    {
        var assessment = watch.Assess();
        var rtc = watch.LastRtcReading;
        return new DeskClockStatus(
            assessment.Suspect,
            assessment.ConfirmationRequired,
            assessment.WallErrorMs,
            DateTimeOffset.FromUnixTimeMilliseconds(assessment.BestEstimateMs).ToOffset(AppointmentCalculator.VietnamOffset),
            ClockWords.Source(assessment.Source),
            ClockWords.Reason(assessment.Reason),
            watch.HasRtc ? rtc switch { null => "unreadable", { OscillatorStopped: true } => "stopped", _ => "trusted" } : null,
            rtc?.Utc);
    }
}
