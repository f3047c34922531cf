namespace OneStop.Core.Identity;

public static class PhoneErrorCodes
{
    public const string Empty = "phone.empty";
    public const string InvalidFormat = "phone.invalid_format";
    public const string NotMobile = "phone.not_mobile";
}

/// <summary>A Vietnamese mobile number in both the national (0xxxxxxxxx) and international (+84xxxxxxxxx) forms.</summary>
public sealed record PhoneNumber(string National, string International);

/// <summary>
/// Vietnamese mobile numbers: 10 digits starting 0, or +84/84 followed by the 9 digits without the 0.
/// Spaces, dots, dashes and brackets that people type are ignored.
/// </summary>
public static class PhoneNumbers
{
    // Mobile prefixes in use since the 2018 renumbering (11-digit numbers moved to 03x, 05x, 07x, 08x).
    private static readonly HashSet<string> MobilePrefixes =
    [
        "032", "033", "034", "035", "036", "037", "038", "039",
        "052", "055", "056", "058", "059",
        "070", "076", "077", "078", "079",
        "081", "082", "083", "084", "085", "086", "087", "088", "089",
        "090", "091", "092", "093", "094", "096", "097", "098", "099",
    ];

    public static ValidationResult Validate(string? text) => TryParse(text, out _, out var error) ? ValidationResult.Ok : new([error!]);

    public static bool TryParse(string? text, out PhoneNumber? phone, out ValidationMessage? error)
    {
        phone = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new(PhoneErrorCodes.Empty, "Chưa nhập số điện thoại", "The phone number is missing");
            return false;
        }

        var compact = new string(text.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        string? national = null;
        if (compact.StartsWith("+84", StringComparison.Ordinal))
        {
            national = "0" + compact[3..];
        }
        else if (compact.StartsWith("84", StringComparison.Ordinal) && compact.Length == 11)
        {
            national = "0" + compact[2..];
        }
        else if (compact.StartsWith('0'))
        {
            national = compact;
        }

        if (national is null || national.Length != 10 || !national.All(char.IsAsciiDigit))
        {
            error = new(PhoneErrorCodes.InvalidFormat, "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 hoặc +84", "The phone number must have 10 digits starting with 0, or start with +84");
            return false;
        }

        if (!MobilePrefixes.Contains(national[..3]))
        {
            error = new(PhoneErrorCodes.NotMobile, $"Đầu số {national[..3]} không phải số di động Việt Nam", $"{national[..3]} is not a Vietnamese mobile prefix");
            return false;
        }

        phone = new PhoneNumber(national, "+84" + national[1..]);
        return true;
    }
}
