namespace OneStop.Core.Identity;

/// <summary>
/// The parts of a 12-digit personal ID number, PPP G YY RRRRRR (Decree 137/2015/NĐ-CP Art. 13, Circular 07/2016/TT-BCA):
/// province of birth registration, century-and-sex digit, last two digits of the birth year, random part.
/// </summary>
public sealed record CccdNumber(string Value, string ProvinceCode, int CenturyGenderDigit, int BirthYearTwoDigits, string RandomPart)
{
    /// <summary>Sex encoded by G: even digits are male, odd female.</summary>
    public Sex Sex => CenturyGenderDigit % 2 == 0 ? Sex.Male : Sex.Female;

    /// <summary>First year of the century G encodes: 0/1 → 1900, 2/3 → 2000, ... 8/9 → 2300.</summary>
    public int CenturyStart => 1900 + (CenturyGenderDigit / 2 * 100);

    public int BirthYear => CenturyStart + BirthYearTwoDigits;

    /// <summary>Splits <paramref name="text"/> when it is exactly 12 ASCII digits (surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out CccdNumber? number)
    {
        number = null;
        var value = text?.Trim();
        if (value is null || value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        number = new CccdNumber(value, value[..3], value[3] - '0', int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture), value[6..]);
        return true;
    }

    /// <summary>The G digit for someone of <paramref name="sex"/> born in <paramref name="birthYear"/> (1900–2399).</summary>
    public static int CenturyGenderDigitFor(int birthYear, Sex sex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(birthYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthYear, 2399);
        return ((birthYear - 1900) / 100 * 2) + (sex == Sex.Female ? 1 : 0);
    }
}
