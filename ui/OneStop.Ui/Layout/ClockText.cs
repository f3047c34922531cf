using OneStop.Ui.Localisation;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Layout;

/// <summary>How far off the clock is, in the largest unit that says it: "chậm 3 ngày", "nhanh 2 giờ".</summary>
public static class ClockText
{
    public static string Error(DeskClockStatus status, Loc l)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(l);
        var minutes = Math.Abs(status.WallErrorMs) / 60_000;
        var size = minutes >= 24 * 60 ? l.Format("clock.days", minutes / (24 * 60))
            : minutes >= 60 ? l.Format("clock.hours", minutes / 60)
            : l.Format("clock.minutes", minutes);
        return l.Format(status.WallErrorMs < 0 ? "clock.behind" : "clock.ahead", size);
    }
}
