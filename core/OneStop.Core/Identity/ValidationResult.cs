namespace OneStop.Core.Identity;

/// <summary>Outcome of a check: valid, or the problems found (each with a code and Vietnamese/English text).</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationMessage> Errors)
{
    public static ValidationResult Ok { get; } = new([]);

    public bool IsValid => Errors.Count == 0;

    public bool Has(string code) => Errors.Any(e => e.Code == code);
}
