namespace OneStop.Hardware.CardReader;

/// <summary>
/// Data read from the chip, unverified: Passive Authentication (SOD signature against the CSCA) is not done here,
/// so treat it like typed input that happens to be accurate, not as proof of identity.
/// </summary>
public sealed record IdCardData(
    string DocumentNumber,
    string Surname,
    string GivenNames,
    string Nationality,
    string DateOfBirth,
    string Sex,
    string DateOfExpiry,
    string OptionalData,
    string Mrz,
    IReadOnlyList<string> Dg13Texts);
