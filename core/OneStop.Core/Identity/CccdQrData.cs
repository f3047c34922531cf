namespace OneStop.Core.Identity;

/// <summary>What the QR on a chip-based CCCD / Căn cước card carries, to pre-fill the intake form.</summary>
/// <param name="IdNumber">12-digit personal ID number.</param>
/// <param name="OldIdNumber">9-digit CMND number, or null when the card shows none.</param>
/// <param name="FullName">Name as printed, NFC-normalised.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Sex">Sex printed on the card.</param>
/// <param name="Address">Place of residence as printed (pre-2025 units on older cards).</param>
/// <param name="IssueDate">Date the card was issued.</param>
public sealed record CccdQrData(string IdNumber, string? OldIdNumber, string FullName, DateOnly BirthDate, Sex Sex, string Address, DateOnly IssueDate);
