using System.Globalization;
using System.Text;

namespace OneStop.Reports;

/// <summary>
/// RFC 4180 CSV of a <see cref="ReportSheet"/>. A label starting with = + - @ gets a leading apostrophe so a
/// user name such as "=HYPERLINK(...)" stays text when a spreadsheet opens the file (OWASP CSV injection).
/// </summary>
public static class CsvReport
{
    /// <summary>
    /// UTF-8 with a byte-order mark: Excel, which most offices open reports in, reads a CSV without one in
    /// the machine's legacy code page and garbles Vietnamese. Numbers use a dot, whatever the language.
    /// </summary>
    public static byte[] Write(ReportSheet sheet, bool english)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        Line(text, sheet.Headings(english).Cast<object?>());
        foreach (var row in sheet.Cells(english))
        {
            Line(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' => Cell("'" + s),
        string s => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
