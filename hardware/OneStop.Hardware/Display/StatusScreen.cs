using System.Globalization;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Display;

/// <summary>The node's idle screen: link state and sync backlog on one line, the queue number being served on the other.</summary>
public static class StatusScreen
{
    public static DeviceResult ShowStatus(this IStatusDisplay display, string linkState, int backlog, string? servingNumber)
    {
        ArgumentNullException.ThrowIfNull(display);
        return display.Show(Format(linkState, backlog, servingNumber, display.Columns));
    }

    public static IReadOnlyList<string> Format(string linkState, int backlog, string? servingNumber, int columns)
    {
        var backlogText = "Cho:" + backlog.ToString(CultureInfo.InvariantCulture);
        var first = Fit(linkState, columns - backlogText.Length - 1) + " " + backlogText;
        var second = servingNumber is null ? "San sang" : "Moi so: " + servingNumber;
        return [FitLine(first, columns), FitLine(second, columns)];
    }

    /// <summary>ASCII only, cut or space-padded to exactly <paramref name="columns"/>, so stale characters are overwritten.</summary>
    public static string FitLine(string text, int columns) => Fit(text, columns).PadRight(columns);

    private static string Fit(string text, int columns)
    {
        var ascii = VietnameseText.FoldToAscii(text);
        return ascii.Length <= columns ? ascii.PadRight(Math.Max(0, columns)) : ascii[..Math.Max(0, columns)];
    }
}
