namespace OneStop.Core.Calendar;

/// <summary>
/// The holidays of one year that are not fixed solar dates. Lunar dates and the Quốc khánh adjacent day
/// are decided each year, so they are data, not computed.
/// </summary>
/// <param name="Year">Calendar year.</param>
/// <param name="LunarNewYearDaysOff">Weekdays off for Tết Nguyên Đán as announced (already including compensation for days on weekends).</param>
/// <param name="HungKingsDay">Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month, as a solar date.</param>
/// <param name="NationalDayAdjacentDay">The day before or after 2 September that the Prime Minister picks (Labour Code 2019, Art. 112).</param>
/// <param name="ExtraDaysOff">Swapped days off announced for civil servants (hoán đổi ngày làm việc).</param>
/// <param name="MakeUpWorkingDays">Weekend days worked in exchange for <paramref name="ExtraDaysOff"/> (làm bù).</param>
/// <param name="Provisional">True while the year's schedule has not been officially announced; the hub should replace it.</param>
public sealed record HolidayYear(
    int Year,
    IReadOnlyList<DateOnly> LunarNewYearDaysOff,
    DateOnly HungKingsDay,
    DateOnly NationalDayAdjacentDay,
    IReadOnlyList<DateOnly> ExtraDaysOff,
    IReadOnlyList<DateOnly> MakeUpWorkingDays,
    bool Provisional);
