using OneStop.Hardware.CardReader.Icao;

namespace OneStop.Hardware.CardReader;

/// <summary>A card for the simulated reader: what BAC needs to open it and what its chip holds.</summary>
public sealed record SimulatedIdCard(BacKey Key, IdCardData Data)
{
    /// <summary>The ICAO 9303 specimen (Anna Maria Eriksson, L898902C) so demos never show a real person.</summary>
    public static SimulatedIdCard Specimen { get; } = new(
        new BacKey("L898902C<", "690806", "940623"),
        new IdCardData(
            DocumentNumber: "L898902C<",
            Surname: "ERIKSSON",
            GivenNames: "ANNA MARIA",
            Nationality: "UTO",
            DateOfBirth: "690806",
            Sex: "F",
            DateOfExpiry: "940623",
            OptionalData: "ZE184226B",
            Mrz: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<3UTO6908061F9406236ZE184226B<<<<<10",
            Dg13Texts: []));

    /// <summary>A made-up CCCD ("Mẫu" = specimen) with a TD1 MRZ and a DG13, for demos and tests of the Vietnamese fields.</summary>
    public static SimulatedIdCard VietnameseSpecimen { get; } = SimulatedCccd.Create();

    /// <summary>EF.COM, DG1 from <see cref="IdCardData.Mrz"/> and, when the card has Vietnamese details, DG13.</summary>
    public IReadOnlyDictionary<ushort, byte[]> ChipFiles()
    {
        var details = Data.VietnameseDetails;
        var files = new Dictionary<ushort, byte[]>
        {
            [LdsFiles.Com] = new EfCom("0107", "040000", details is null ? [1] : [1, 13]).Encode(),
            [LdsFiles.Dg1] = Mrz.ToDg1(Data.Mrz),
        };
        if (details is not null)
        {
            files[LdsFiles.Dg13] = VietnameseDg13.Encode(details.Fields);
        }

        return files;
    }
}
