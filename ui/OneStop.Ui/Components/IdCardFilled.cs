using OneStop.Core.Identity;

namespace OneStop.Ui.Components;

/// <summary>A card read into the form.</summary>
/// <param name="Card">What the card says.</param>
/// <param name="Answers">The form's answers it gives, for the person the clerk picked.</param>
/// <param name="IsDefaultPerson">The card is the requester's (or the form's first person's), whose name is the applicant's.</param>
public sealed record IdCardFilled(CccdQrData Card, IReadOnlyDictionary<string, string> Answers, bool IsDefaultPerson);
