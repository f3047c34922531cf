namespace OneStop.Core.Identity;

/// <summary>
/// What opens a chip CCCD with Basic Access Control: the MRZ's document number and the birth and expiry dates.
/// The card's QR holds the ID number and birth date but not the expiry, so the expiry is worked out from the
/// renewal ages in the law; a clerk can always type the dates printed on the card instead.
/// </summary>
/// <param name="DocumentNumber">The 9-character MRZ document number.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="ExpiryDate">Date the card expires, as printed on its back.</param>
public sealed record CccdChipKey(string DocumentNumber, DateOnly BirthDate, DateOnly ExpiryDate)
{
    /// <summary>Law on Citizen Identification 2014 art. 21: a card is renewed when its holder turns 25, 40 and 60.</summary>
    private static readonly int[] RenewalAges = [25, 40, 60];

    /// <summary>
    /// The MRZ's document number is the last nine digits of the 12-digit ID number (reported by community readers
    /// of real cards, not published: see docs/hardware notes).
    /// </summary>
    public static CccdChipKey For(string idNumber, DateOnly birthDate, DateOnly expiryDate)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var digits = idNumber.Trim();
        return new CccdChipKey(digits.Length > 9 ? digits[^9..] : digits, birthDate, expiryDate);
    }

    /// <summary>The key from a scanned QR, or null when the card never expires (issued at 58 or later) and its date must be typed.</summary>
    public static CccdChipKey? FromQr(CccdQrData card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return ExpiryFor(card.BirthDate, card.IssueDate) is { } expiry ? For(card.IdNumber, card.BirthDate, expiry) : null;
    }

    /// <summary>
    /// A card issued (or renewed) less than two years before a renewal age stays valid until the next one; from 60
    /// it has no expiry (null).
    /// </summary>
    public static DateOnly? ExpiryFor(DateOnly birthDate, DateOnly issueDate)
    {
        foreach (var age in RenewalAges)
        {
            var birthday = birthDate.AddYears(age);
            if (issueDate < birthday.AddYears(-2))
            {
                return birthday;
            }
        }

        return null;
    }
}
