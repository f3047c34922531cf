namespace OneStop.Core.Identity;

/// <summary>Stable codes for CCCD problems; the UI maps them to messages, tests assert on them.</summary>
public static class CccdErrorCodes
{
    public const string Empty = "cccd.empty";
    public const string NotTwelveDigits = "cccd.not_12_digits";
    public const string UnknownProvinceCode = "cccd.unknown_province";
    public const string CenturyMismatch = "cccd.century_mismatch";
    public const string SexMismatch = "cccd.sex_mismatch";
    public const string BirthYearMismatch = "cccd.birth_year_mismatch";

    internal static ValidationMessage Message(string code, string? detail = null) => code switch
    {
        Empty => new(code, "Chưa nhập số CCCD", "The personal ID number is missing"),
        NotTwelveDigits => new(code, "Số CCCD phải gồm 12 chữ số", "The personal ID number must have 12 digits"),
        UnknownProvinceCode => new(code, $"Mã tỉnh {detail} ở 3 số đầu CCCD không hợp lệ", $"Province code {detail} in the first 3 digits is not valid"),
        CenturyMismatch => new(code, "Chữ số thứ 4 của CCCD không khớp với thế kỷ của năm sinh", "The 4th digit does not match the century of the birth date"),
        SexMismatch => new(code, "Chữ số thứ 4 của CCCD không khớp với giới tính", "The 4th digit does not match the sex entered"),
        BirthYearMismatch => new(code, "Chữ số thứ 5–6 của CCCD không khớp với năm sinh", "Digits 5–6 do not match the birth year"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown CCCD error code"),
    };
}
