namespace OneStop.Core.Identity;

/// <summary>
/// Checks a CCCD as the README's cccd_check asks: 12 digits, a known province code, and a century/sex digit and
/// birth-year digits that agree with the birth date and sex typed in the same form, when those are known.
/// </summary>
public static class CccdValidator
{
    public static ValidationResult Validate(string? number, DateOnly? birthDate = null, Sex? sex = null, ProvinceCodeList? provinces = null)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Fail(CccdErrorCodes.Empty);
        }

        if (!CccdNumber.TryParse(number, out var parsed) || parsed is null)
        {
            return Fail(CccdErrorCodes.NotTwelveDigits);
        }

        var errors = new List<ValidationMessage>();
        if (!(provinces ?? ProvinceCodeList.Default).Contains(parsed.ProvinceCode))
        {
            errors.Add(CccdErrorCodes.Message(CccdErrorCodes.UnknownProvinceCode, parsed.ProvinceCode));
        }

        if (birthDate is { } born)
        {
            if (born.Year < parsed.CenturyStart || born.Year >= parsed.CenturyStart + 100)
            {
                errors.Add(CccdErrorCodes.Message(CccdErrorCodes.CenturyMismatch));
            }

            if (born.Year % 100 != parsed.BirthYearTwoDigits)
            {
                errors.Add(CccdErrorCodes.Message(CccdErrorCodes.BirthYearMismatch));
            }
        }

        if (sex is { } s && s != parsed.Sex)
        {
            errors.Add(CccdErrorCodes.Message(CccdErrorCodes.SexMismatch));
        }

        return errors.Count == 0 ? ValidationResult.Ok : new ValidationResult(errors);
    }

    private static ValidationResult Fail(string code) => new([CccdErrorCodes.Message(code)]);
}
