using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Icao;

namespace OneStop.Hardware.Tests.CardReader.Icao;

public class LdsParsingTests
{
    [Fact]
    public void EfCom_IcaoExample_ListsDg1AndDg2()
    {
        var com = EfCom.Parse(Convert.FromHexString("60145F0104303130365F36063034303030305C026175"));

        Assert.Equal("0106", com.LdsVersion);
        Assert.Equal("040000", com.UnicodeVersion);
        Assert.Equal([1, 2], com.DataGroups);
    }

    [Fact]
    public void Mrz_Td3Specimen_SplitsFields()
    {
        var data = Mrz.Parse(SimulatedIdCard.Specimen.Data.Mrz);

        Assert.Equal(SimulatedIdCard.Specimen.Data with { Dg13Texts = data.Dg13Texts }, data);
    }

    [Fact]
    public void Mrz_Td1VietnameseSpecimen_CheckDigitsAndFieldsConsistent()
    {
        var mrz = SimulatedIdCard.VietnameseSpecimen.Data.Mrz;

        var data = Mrz.Parse(mrz);

        Assert.Equal(90, mrz.Length);
        Assert.Equal("IDVNM0900123450001090012345<<<", mrz[..30]);
        Assert.Equal(("090012345", "900517", "M", "300517", "NGUYEN", "VAN MAU"), (data.DocumentNumber, data.DateOfBirth, data.Sex, data.DateOfExpiry, data.Surname, data.GivenNames));
    }

    [Fact]
    public void Mrz_WrongLength_CardProtocolError()
    {
        Assert.Equal(CardFailure.ProtocolError, Assert.Throws<CardException>(() => Mrz.Parse("P<UTO")).Failure);
    }

    [Fact]
    public void VietnameseDg13_FlatLayoutWithPrintableStrings_StillNumbered()
    {
        // INTEGER and strings side by side in one SEQUENCE, as some community dumps show.
        byte[] dg13 = BerTlv.EncodeConstructed(
            0x6D,
            BerTlv.EncodeConstructed(0x30, BerTlv.Encode(0x02, [0x01]), BerTlv.Encode(0x13, "001090012345"u8), BerTlv.Encode(0x02, [0x02]), BerTlv.Encode(0x0C, "Lê Thị Mẫu"u8)));

        var details = VietnameseDg13.Parse(dg13);

        Assert.Equal("001090012345", details.IdNumber);
        Assert.Equal("Lê Thị Mẫu", details.FullName);
        Assert.Null(details.FatherName);
    }

    [Fact]
    public void VietnameseDg13_EncodeThenParse_RoundTripsEveryField()
    {
        var fields = SimulatedIdCard.VietnameseSpecimen.Data.VietnameseDetails!.Fields;

        var parsed = VietnameseDg13.Parse(VietnameseDg13.Encode(fields));

        Assert.Equal(fields.Keys, parsed.Fields.Keys);
        Assert.All(fields, field => Assert.Equal(field.Value, parsed.Fields[field.Key]));
    }

    [Fact]
    public void BerTlv_LongForms_EncodeAndDecode()
    {
        var value = new byte[300];

        var encoded = BerTlv.Encode(0x5F1F, value);
        var element = BerTlv.ReadOne(encoded, out var consumed);

        Assert.Equal("5F1F82012C", Convert.ToHexString(encoded.AsSpan(0, 5)));
        Assert.Equal((0x5F1F, 300, encoded.Length), (element.Tag, element.Value.Length, consumed));
    }
}
