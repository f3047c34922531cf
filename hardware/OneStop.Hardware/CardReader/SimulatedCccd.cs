namespace OneStop.Hardware.CardReader;

/// <summary>
/// Builds <see cref="SimulatedIdCard.VietnameseSpecimen"/>. The TD1 layout puts the last nine digits of the 12-digit
/// number in the document-number field and the full number in optional data, as reported for CCCDs (unverified).
/// </summary>
internal static class SimulatedCccd
{
    private const string IdNumber = "001090012345";
    private const string DocumentNumber = "090012345";
    private const string BirthDate = "900517";
    private const string ExpiryDate = "300517";

    public static SimulatedIdCard Create()
    {
        var line1 = $"IDVNM{DocumentNumber}{BacKeyDerivation.CheckDigit(DocumentNumber)}{IdNumber}".PadRight(30, '<');
        var line2Start = $"{BirthDate}{BacKeyDerivation.CheckDigit(BirthDate)}M{ExpiryDate}{BacKeyDerivation.CheckDigit(ExpiryDate)}VNM".PadRight(29, '<');
        var composite = BacKeyDerivation.CheckDigit(line1[5..30] + line2Start[..7] + line2Start[8..15] + line2Start[18..29]);
        var line3 = "NGUYEN<<VAN<MAU".PadRight(30, '<');
        var details = new VietnameseIdDetails(new Dictionary<int, IReadOnlyList<string>>
        {
            [VietnameseIdDetails.IdNumberField] = [IdNumber],
            [VietnameseIdDetails.FullNameField] = ["Nguyễn Văn Mẫu"],
            [VietnameseIdDetails.DateOfBirthField] = ["17/05/1990"],
            [VietnameseIdDetails.SexField] = ["Nam"],
            [VietnameseIdDetails.NationalityField] = ["Việt Nam"],
            [VietnameseIdDetails.EthnicityField] = ["Kinh"],
            [VietnameseIdDetails.ReligionField] = ["Không"],
            [VietnameseIdDetails.PlaceOfOriginField] = ["Xã Mẫu, Huyện Mẫu, Hà Nội"],
            [VietnameseIdDetails.PlaceOfResidenceField] = ["Số 1 Đường Mẫu, Phường Mẫu, Quận Mẫu, Hà Nội"],
            [VietnameseIdDetails.IdentifyingMarksField] = ["Nốt ruồi C:2cm trên trước đầu lông mày phải"],
            [VietnameseIdDetails.DateOfIssueField] = ["17/05/2021"],
            [VietnameseIdDetails.DateOfExpiryField] = ["17/05/2030"],
            [VietnameseIdDetails.ParentsField] = ["Nguyễn Văn Cha", "Trần Thị Mẹ"],
            [VietnameseIdDetails.OldIdNumberField] = ["012345678"],
        });
        var data = new IdCardData(
            DocumentNumber,
            "NGUYEN",
            "VAN MAU",
            "VNM",
            BirthDate,
            "M",
            ExpiryDate,
            IdNumber,
            line1 + line2Start + composite + line3,
            [.. details.Fields.OrderBy(f => f.Key).SelectMany(f => f.Value)])
        {
            DataGroups = [1, 13],
            VietnameseDetails = details,
        };
        return new SimulatedIdCard(new BacKey(DocumentNumber, BirthDate, ExpiryDate), data);
    }
}
