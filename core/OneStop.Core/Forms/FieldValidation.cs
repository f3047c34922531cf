namespace OneStop.Core.Forms;

/// <summary>The validation block of a form field.</summary>
/// <param name="Regex">Pattern the whole value must match (uses \p{L}/\p{M}, which .NET supports as written).</param>
/// <param name="Min">Smallest number allowed.</param>
/// <param name="Max">Largest number allowed.</param>
/// <param name="MaxLength">Most characters allowed.</param>
/// <param name="MinDate">Earliest date allowed.</param>
/// <param name="MaxDate">Latest fixed date allowed.</param>
/// <param name="MaxDateIsToday">max_date: "today" — the latest date is the day the form is checked.</param>
/// <param name="CccdCheck">Also check the ID number's province, century/sex and year digits.</param>
public sealed record FieldValidation(
    string? Regex,
    decimal? Min,
    decimal? Max,
    int? MaxLength,
    DateOnly? MinDate,
    DateOnly? MaxDate,
    bool MaxDateIsToday,
    bool CccdCheck)
{
    public static FieldValidation None { get; } = new(null, null, null, null, null, null, false, false);
}
