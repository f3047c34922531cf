using System.Globalization;

namespace OneStop.Reports;

/// <summary>How rows are grouped: one row per commune, procedure or receiving officer, or the total only.</summary>
public enum ReportGrouping
{
    None,
    Commune,
    Procedure,
    Staff,
}

/// <summary>A report request as a page or the API receives it, checked once here for both ends.</summary>
public sealed record ReportQuery(Core.Statistics.ReportRange Range, ReportGrouping By, string? Commune)
{
    /// <summary>Longest range one report covers: a year and a day, so a leap year fits (docs/limits.md).</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// Reads from/to (yyyy-MM-dd), by (commune, procedure, staff) and an optional commune code. Without dates
    /// the report covers the current month up to <paramref name="today"/>. Errors are bilingual, Vietnamese first.
    /// </summary>
    public static bool TryParse(string? from, string? to, string? by, string? commune, DateOnly today, out ReportQuery query, out string error)
    {
        query = new ReportQuery(new(new DateOnly(today.Year, today.Month, 1), today), ReportGrouping.None, null);
        error = string.Empty;
        var first = query.Range.First;
        var last = query.Range.Last;
        if (!string.IsNullOrEmpty(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            error = $"Ngày bắt đầu không hợp lệ: '{from}' (cần yyyy-MM-dd) / Invalid start date: '{from}' (expected yyyy-MM-dd).";
            return false;
        }

        if (!string.IsNullOrEmpty(to) && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
        {
            error = $"Ngày kết thúc không hợp lệ: '{to}' (cần yyyy-MM-dd) / Invalid end date: '{to}' (expected yyyy-MM-dd).";
            return false;
        }

        if (last < first)
        {
            error = "Ngày kết thúc trước ngày bắt đầu / The end date is before the start date.";
            return false;
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            error = $"Một báo cáo tối đa {MaxDays} ngày / A report covers at most {MaxDays} days.";
            return false;
        }

        ReportGrouping grouping;
        switch (by)
        {
            case null or "" or "none": grouping = ReportGrouping.None; break;
            case "commune": grouping = ReportGrouping.Commune; break;
            case "procedure": grouping = ReportGrouping.Procedure; break;
            case "staff": grouping = ReportGrouping.Staff; break;
            default:
                error = $"Không nhóm được theo '{by}' (commune, procedure, staff) / Cannot group by '{by}' (commune, procedure, staff).";
                return false;
        }

        if (commune is not null && (commune.Length is 0 or > 10 || !commune.All(char.IsAsciiDigit)))
        {
            error = $"Mã xã không hợp lệ: '{commune}' / Invalid commune code: '{commune}'.";
            return false;
        }

        query = new ReportQuery(new(first, last), grouping, commune);
        return true;
    }
}
