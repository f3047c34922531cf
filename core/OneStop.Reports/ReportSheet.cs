using OneStop.Core.Statistics;

namespace OneStop.Reports;

/// <summary>
/// The province report as a grid both exports and the pages render: one row per group (commune, procedure,
/// officer) plus a total row, every rate as numerator, denominator and percent so a reader can recount it.
/// </summary>
public sealed class ReportSheet
{
    private static readonly (string Vi, string En, Func<RateReport, Rate> Rate)[] Rates =
    [
        ("Trực tuyến", "Online", r => r.Online),
        ("Đúng hạn", "On time", r => r.OnTime),
        ("Số hoá kết quả", "Digitised results", r => r.Digitised),
        ("Tái sử dụng dữ liệu", "Data reused", r => r.Reused),
        ("Không dùng tiền mặt", "Cashless", r => r.Cashless),
        ("Hài lòng", "Satisfied", r => r.Satisfied),
    ];

    private static readonly (string Vi, string En, Func<RateReport, int> Count)[] Counts =
    [
        ("Tiếp nhận", "Received", r => r.Received),
        ("Đã giải quyết", "Settled", r => r.Settled),
        ("Trễ hạn", "Late", r => r.Late),
        ("Ngày làm việc trễ", "Working days late", r => r.LateWorkingDays),
        ("Đang giải quyết", "Pending", r => r.Pending),
        ("Quá hạn chưa giải quyết", "Pending overdue", r => r.PendingOverdue),
    ];

    public ReportSheet(string groupHeading, ReportRange range, IReadOnlyList<KeyValuePair<string, RateReport>> rows, RateReport total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        GroupHeading = groupHeading;
        Range = range;
        Rows = rows;
        Total = total;
    }

    /// <summary>What the first column holds, e.g. "Xã / Commune".</summary>
    public string GroupHeading { get; }

    public ReportRange Range { get; }

    public IReadOnlyList<KeyValuePair<string, RateReport>> Rows { get; }

    public RateReport Total { get; }

    /// <summary>Column headings in the requested language ("vi" or "en").</summary>
    public IReadOnlyList<string> Headings(bool english)
    {
        var headings = new List<string> { GroupHeading };
        headings.AddRange(Counts.Select(c => english ? c.En : c.Vi));
        foreach (var (vi, en, _) in Rates)
        {
            var name = english ? en : vi;
            headings.Add(name + (english ? " (count)" : " (số)"));
            headings.Add(name + (english ? " (of)" : " (trên)"));
            headings.Add(name + " %");
        }

        headings.Add(english ? "Average rating" : "Điểm hài lòng TB");
        return headings;
    }

    /// <summary>Each row's cells: the group label (a string), then numbers (int, or double percent; null when unknown).</summary>
    public IEnumerable<object?[]> Cells(bool english)
    {
        foreach (var (key, report) in Rows)
        {
            yield return Row(key, report);
        }

        yield return Row(english ? "Total" : "Tổng cộng", Total);
    }

    private static object?[] Row(string label, RateReport report)
    {
        var cells = new List<object?> { label };
        cells.AddRange(Counts.Select(c => (object?)c.Count(report)));
        foreach (var (_, _, rate) in Rates)
        {
            var value = rate(report);
            cells.Add(value.Numerator);
            cells.Add(value.Denominator);
            cells.Add(value.Value is { } share ? Math.Round(share * 100, 1) : null);
        }

        cells.Add(report.AverageRating is { } average ? Math.Round(average, 2) : null);
        return [.. cells];
    }
}
