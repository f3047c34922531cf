using System.Globalization;
using System.Text;
using OneStop.Core.Identity;
using OneStop.Hardware.CardReader;

namespace OneStop.Edge.Devices;

/// <summary>The chip's DG13 in the shape of the card's QR, so the form fills the same fields whichever was read.</summary>
public static class CccdChipDetails
{
    /// <summary>Null when the chip has no DG13 or a field the form needs is missing or unreadable.</summary>
    public static CccdQrData? ToCccd(IdCardData chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        if (chip.VietnameseDetails is not { } details
            || details.IdNumber is not { } id
            || details.FullName is not { } name
            || !TryDate(details.DateOfBirth, out var birth)
            || !TryDate(details.DateOfIssue, out var issued)
            || !SexCodes.TryParse(details.Sex ?? chip.Sex, out var sex))
        {
            return null;
        }

        // The chip stores UTF-8 as the card was personalised; the QR parser's NFC rule applies here too.
        return new CccdQrData(
            id.Trim(),
            details.OldIdNumber?.Trim(),
            name.Trim().Normalize(NormalizationForm.FormC),
            birth,
            sex,
            (details.PlaceOfResidence ?? string.Empty).Trim().Normalize(NormalizationForm.FormC),
            issued);
    }

    /// <summary>BAC wants the MRZ's YYMMDD dates.</summary>
    public static BacKey ToBacKey(CccdChipKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new BacKey(key.DocumentNumber, MrzDate(key.BirthDate), MrzDate(key.ExpiryDate));
    }

    private static string MrzDate(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
