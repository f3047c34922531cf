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
    IReadOnlyList<string> Dg13Texts)
{
    /// <summary>Data groups EF.COM lists (1 = MRZ, 2 = face, 13 = Vietnamese details, …); empty when not read from a chip.</summary>
    public IReadOnlyList<int> DataGroups { get; init; } = [];

    /// <summary>DG13 as numbered fields; null when the chip has no DG13 or it could not be parsed (then see <see cref="Dg13"/>).</summary>
    public VietnameseIdDetails? VietnameseDetails { get; init; }

    /// <summary>DG13 exactly as read, kept because its layout is not published.</summary>
    public ReadOnlyMemory<byte> Dg13 { get; init; }
}
