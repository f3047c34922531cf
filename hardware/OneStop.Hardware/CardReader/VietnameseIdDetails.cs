namespace OneStop.Hardware.CardReader;

/// <summary>
/// DG13 of a Vietnamese chip CCCD: numbered text fields. The numbering comes from community readers, not from a
/// published specification (see README); every field is kept by number in <see cref="Fields"/> so nothing is lost
/// when the guess for a named property is wrong.
/// </summary>
public sealed record VietnameseIdDetails(IReadOnlyDictionary<int, IReadOnlyList<string>> Fields)
{
    public const int IdNumberField = 1;
    public const int FullNameField = 2;
    public const int DateOfBirthField = 3;
    public const int SexField = 4;
    public const int NationalityField = 5;
    public const int EthnicityField = 6;
    public const int ReligionField = 7;
    public const int PlaceOfOriginField = 8;
    public const int PlaceOfResidenceField = 9;
    public const int IdentifyingMarksField = 10;
    public const int DateOfIssueField = 11;
    public const int DateOfExpiryField = 12;

    /// <summary>Father's then mother's name.</summary>
    public const int ParentsField = 13;
    public const int SpouseField = 14;
    public const int OldIdNumberField = 16;

    /// <summary>The 12-digit personal identification number.</summary>
    public string? IdNumber => Field(IdNumberField);

    public string? FullName => Field(FullNameField);

    /// <summary>As stored on the chip, dd/MM/yyyy on cards seen so far.</summary>
    public string? DateOfBirth => Field(DateOfBirthField);

    public string? Sex => Field(SexField);

    public string? Nationality => Field(NationalityField);

    public string? Ethnicity => Field(EthnicityField);

    public string? Religion => Field(ReligionField);

    public string? PlaceOfOrigin => Field(PlaceOfOriginField);

    public string? PlaceOfResidence => Field(PlaceOfResidenceField);

    public string? IdentifyingMarks => Field(IdentifyingMarksField);

    public string? DateOfIssue => Field(DateOfIssueField);

    public string? DateOfExpiry => Field(DateOfExpiryField);

    public string? FatherName => Field(ParentsField, 0);

    public string? MotherName => Field(ParentsField, 1);

    public string? SpouseName => Field(SpouseField);

    public string? OldIdNumber => Field(OldIdNumberField);

    private string? Field(int number, int index = 0) =>
        Fields.TryGetValue(number, out var values) && index < values.Count && values[index].Length > 0 ? values[index] : null;
}
