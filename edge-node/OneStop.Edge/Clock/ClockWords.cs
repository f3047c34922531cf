using System.Globalization;
using OneStop.Core.Clock;

namespace OneStop.Edge.Clock;

/// <summary>The clock's state as stable words for the status API, device health and the fleet view.</summary>
public static class ClockWords
{
    public static string Reason(ClockSuspicion reason) => reason switch
    {
        ClockSuspicion.BehindNewestKnown => "behind_newest_known",
        ClockSuspicion.HubMeasuredOff => "hub_measured_off",
        ClockSuspicion.RtcDisagrees => "rtc_disagrees",
        _ => "none",
    };

    public static string Source(LegalTimeSource source) => source switch
    {
        LegalTimeSource.Hub => "hub",
        LegalTimeSource.Rtc => "rtc",
        LegalTimeSource.Estimate => "estimate",
        _ => "wall",
    };

    /// <summary>For an admin reading the fleet view: what is wrong, in minutes.</summary>
    public static string Problem(ClockAssessment assessment)
    {
        var minutes = Math.Abs(assessment.WallErrorMs) / 60_000;
        var direction = assessment.WallErrorMs < 0 ? "behind" : "ahead";
        return string.Create(CultureInfo.InvariantCulture, $"System clock {minutes} min {direction} ({Reason(assessment.Reason)}); legal dates from {Source(assessment.Source)}.");
    }
}
