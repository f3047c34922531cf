using System.Globalization;
using System.Text.Json;
using OneStop.Core.Changes;

namespace OneStop.Core.Calendar;

/// <summary>
/// How a published <see cref="HolidayYear"/> travels: a <see cref="RecordTypes.HolidayYear"/> record whose id comes
/// from the year, so publishing 2027 again replaces the earlier publication instead of adding a second one.
/// </summary>
public static class HolidayYearRecords
{
    public const string Year = "year";
    public const string LunarNewYearDaysOff = "lunar_new_year_days_off";
    public const string HungKingsDay = "hung_kings_day";
    public const string NationalDayAdjacentDay = "national_day_adjacent_day";
    public const string ExtraDaysOff = "extra_days_off";
    public const string MakeUpWorkingDays = "make_up_working_days";

    public static Guid RecordId(int year) => NameBasedIds.For("onestop:holiday_year:" + year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The record's fields (JSON values), every one written so a republication replaces them all.</summary>
    public static Dictionary<string, string?> ToValues(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new(StringComparer.Ordinal)
        {
            [Year] = JsonSerializer.Serialize(year.Year),
            [LunarNewYearDaysOff] = Dates(year.LunarNewYearDaysOff),
            [HungKingsDay] = JsonSerializer.Serialize(Iso(year.HungKingsDay)),
            [NationalDayAdjacentDay] = JsonSerializer.Serialize(Iso(year.NationalDayAdjacentDay)),
            [ExtraDaysOff] = Dates(year.ExtraDaysOff),
            [MakeUpWorkingDays] = Dates(year.MakeUpWorkingDays),
        };
    }

    /// <summary>
    /// A record's data back to a year; null when a field is missing or unreadable, so a damaged record leaves
    /// the node on its built-in table for that year rather than on a half schedule.
    /// </summary>
    public static HolidayYear? TryParse(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return TryParse(document.RootElement);
    }

    /// <inheritdoc cref="TryParse(string)"/>
    public static HolidayYear? TryParse(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(Year, out var y) || !y.TryGetInt32(out var year)
            || DateList(data, LunarNewYearDaysOff) is not { } tet
            || Date(data, HungKingsDay) is not { } hung
            || Date(data, NationalDayAdjacentDay) is not { } adjacent)
        {
            return null;
        }

        return new HolidayYear(year, tet, hung, adjacent, DateList(data, ExtraDaysOff) ?? [], DateList(data, MakeUpWorkingDays) ?? [], Provisional: false);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dates(IEnumerable<DateOnly> dates) => JsonSerializer.Serialize(dates.Select(Iso).ToArray());

    private static DateOnly? Date(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ParseIso(value.GetString()!) : null;

    private static List<DateOnly>? DateList(JsonElement data, string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<DateOnly>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || ParseIso(item.GetString()!) is not { } date)
            {
                return null;
            }

            list.Add(date);
        }

        return list;
    }

    private static DateOnly? ParseIso(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
