using System.Globalization;
using System.Xml.Linq;
using OneStop.Core.Statistics;

namespace OneStop.Reports;

/// <summary>
/// Charts as inline SVG, drawn on the server: they render on an old phone or a kiosk browser without a
/// script, print with the page, and work offline on the node.
/// </summary>
public static class ReportCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 640;

    /// <summary>Horizontal bars, one per label, length by share; unknown rates show a dash instead of a bar.</summary>
    public static string Bars(string title, IReadOnlyList<KeyValuePair<string, Rate>> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int rowHeight = 22, labelWidth = 200, top = 28;
        var height = top + (bars.Count * rowHeight) + 8;
        var root = Root(title, height);
        var y = top;
        foreach (var (label, rate) in bars)
        {
            root.Add(Text(labelWidth - 6, y + 15, label, "end"));
            if (rate.Value is { } share)
            {
                var length = share * (Width - labelWidth - 120);
                root.Add(new XElement(Svg + "rect", Attr("x", labelWidth), Attr("y", y + 3), Attr("width", length), Attr("height", rowHeight - 6), new XAttribute("fill", "#1f6feb")));
                root.Add(Text(labelWidth + length + 6, y + 15, $"{rate.ToPercent()} ({rate.Numerator}/{rate.Denominator})", "start"));
            }
            else
            {
                root.Add(Text(labelWidth + 6, y + 15, "–", "start"));
            }

            y += rowHeight;
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Lines of weekly shares (0–100 %), one per series, with each week's start date under the axis.</summary>
    public static string Trend(string title, IReadOnlyList<ReportRange> weeks, IReadOnlyList<KeyValuePair<string, IReadOnlyList<Rate>>> series)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(series);
        const int left = 48, right = 16, top = 28, plot = 160;
        var height = top + plot + 40 + (series.Count * 18);
        var root = Root(title, height);
        foreach (var percent in new[] { 0, 50, 100 })
        {
            var y = top + plot - (percent * plot / 100.0);
            root.Add(new XElement(Svg + "line", Attr("x1", left), Attr("y1", y), Attr("x2", Width - right), Attr("y2", y), new XAttribute("stroke", "#ccc")));
            root.Add(Text(left - 4, y + 4, percent.ToString(CultureInfo.InvariantCulture) + " %", "end"));
        }

        var step = weeks.Count > 1 ? (Width - left - right) / (double)(weeks.Count - 1) : 0;
        for (var i = 0; i < weeks.Count; i++)
        {
            root.Add(Text(left + (i * step), top + plot + 16, weeks[i].First.ToString("dd/MM", CultureInfo.InvariantCulture), "middle"));
        }

        string[] colours = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#57606a"];
        var legendY = top + plot + 34;
        for (var s = 0; s < series.Count; s++)
        {
            var (name, rates) = series[s];
            var colour = colours[s % colours.Length];
            var points = rates.Select((rate, i) => (rate, i)).Where(p => p.rate.Value is not null)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{left + (p.i * step):0.#},{top + plot - (p.rate.Value!.Value * plot):0.#}"));
            root.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', points)), new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", 2)));
            root.Add(new XElement(Svg + "rect", Attr("x", left), Attr("y", legendY + (s * 18) - 10), Attr("width", 12), Attr("height", 12), new XAttribute("fill", colour)));
            root.Add(Text(left + 18, legendY + (s * 18), name, "start"));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Root(string title, int height) =>
        new(Svg + "svg",
            new XAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {height}")),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", title),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", 12),
            new XElement(Svg + "title", title),
            Text(0, 16, title, "start", bold: true));

    private static XElement Text(double x, double y, string text, string anchor, bool bold = false) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), bold ? new XAttribute("font-weight", "bold") : null, text);

    private static XAttribute Attr(string name, double value) => new(name, value.ToString("0.#", CultureInfo.InvariantCulture));
}
