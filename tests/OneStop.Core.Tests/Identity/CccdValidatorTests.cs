using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OneStop.Core.Identity;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Identity;

public class CccdValidatorTests
{
    public static TheoryData<string, string, string> Residents()
    {
        using var document = JsonDocument.Parse(RepoData.ResidentsJson);
        var data = new TheoryData<string, string, string>();
        foreach (var resident in document.RootElement.GetProperty("residents").EnumerateArray())
        {
            // The infant whose birth is not registered yet has no number.
            if (resident.GetProperty("personal_id_number").GetString() is { } id)
            {
                data.Add(id, resident.GetProperty("date_of_birth").GetString()!, resident.GetProperty("gender").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Residents))]
    public void Validate_SampleResident_PassesWithOwnBirthDateAndGender(string id, string birthDate, string gender)
    {
        Assert.True(SexCodes.TryParse(gender, out var sex));

        var result = CccdValidator.Validate(id, DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), sex);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    [Fact]
    public void Residents_Sample_HasFortyNineNumbers()
    {
        Assert.Equal(49, Residents().Count);
    }

    [Fact]
    public void Validate_ElevenDigits_NotTwelveDigitsWithVietnameseMessage()
    {
        var result = CccdValidator.Validate("00207899000");

        var error = Assert.Single(result.Errors);
        Assert.Equal(CccdErrorCodes.NotTwelveDigits, error.Code);
        Assert.Equal("Số CCCD phải gồm 12 chữ số", error.MessageVi);
    }

    [Theory]
    [InlineData("00207899000A")]
    [InlineData("0020789900011")]
    [InlineData("002 078 990 001")]
    [InlineData("００２０７８９９０００１")]
    public void Validate_NotTwelveAsciiDigits_NotTwelveDigits(string id)
    {
        Assert.Equal(CccdErrorCodes.NotTwelveDigits, Assert.Single(CccdValidator.Validate(id).Errors).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Blank_Empty(string? id)
    {
        Assert.Equal(CccdErrorCodes.Empty, Assert.Single(CccdValidator.Validate(id).Errors).Code);
    }

    [Theory]
    [InlineData("000078990001")]
    [InlineData("003078990001")]
    [InlineData("097078990001")]
    public void Validate_ProvinceCodeNotInList_UnknownProvinceCode(string id)
    {
        var error = Assert.Single(CccdValidator.Validate(id).Errors);

        Assert.Equal(CccdErrorCodes.UnknownProvinceCode, error.Code);
        Assert.Contains(id[..3], error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaleDigitForWoman_SexMismatch()
    {
        var result = CccdValidator.Validate("002078990001", new DateOnly(1978, 3, 12), Sex.Female);

        Assert.Equal(CccdErrorCodes.SexMismatch, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_WrongYearDigits_BirthYearMismatch()
    {
        var result = CccdValidator.Validate("002078990001", new DateOnly(1979, 3, 12), Sex.Male);

        Assert.Equal(CccdErrorCodes.BirthYearMismatch, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_BornIn2000sWith1900sDigit_CenturyMismatch()
    {
        var result = CccdValidator.Validate("002006990003", new DateOnly(2006, 11, 20), Sex.Male);

        Assert.Equal(CccdErrorCodes.CenturyMismatch, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_WithoutBirthDateOrSex_ChecksFormatAndProvinceOnly()
    {
        Assert.True(CccdValidator.Validate("010187990018").IsValid);
    }

    [Fact]
    public void Validate_CustomProvinceList_UsesIt()
    {
        var onlyHaGiang = new ProvinceCodeList([new("002", "Tỉnh Hà Giang")]);

        Assert.Equal(CccdErrorCodes.UnknownProvinceCode, Assert.Single(CccdValidator.Validate("010187990018", provinces: onlyHaGiang).Errors).Code);
    }

    /// <summary>
    /// The century-and-sex digit as Circular 59/2021/TT-BCA, Article 7(2) writes it (as 07/2016/TT-BCA did):
    /// "Thế kỷ 20 (từ năm 1900 đến hết năm 1999): Nam 0, nữ 1; Thế kỷ 21 (2000–2099): Nam 2, nữ 3; Thế kỷ 22
    /// (2100–2199): Nam 4, nữ 5; Thế kỷ 23 (2200–2299): Nam 6, nữ 7; Thế kỷ 24 (2300–2399): Nam 8, nữ 9."
    /// Typed from the regulation, not computed, so the test does not share the product's arithmetic.
    /// </summary>
    private static readonly Dictionary<int, (int Male, int Female)> CenturyDigits = new()
    {
        [1900] = (0, 1),
        [2000] = (2, 3),
        [2100] = (4, 5),
        [2200] = (6, 7),
        [2300] = (8, 9),
    };

    [Property]
    public bool Validate_NumbersBuiltFromTheRegulationsTable_ValidAndTheOtherSexOrCenturyRefused(int yearSeed, bool female, int random)
    {
        var codes = ProvinceCodeList.Default.Codes.ToArray();
        var year = 1900 + Math.Abs(yearSeed % 500);
        var sex = female ? Sex.Female : Sex.Male;
        var digits = CenturyDigits[year / 100 * 100];
        var (own, otherSex) = female ? (digits.Female, digits.Male) : (digits.Male, digits.Female);
        var otherCentury = CenturyDigits[year < 2000 ? 2000 : 1900];
        var province = codes[Math.Abs(random % codes.Length)];
        string Id(int digit) => string.Create(CultureInfo.InvariantCulture, $"{province}{digit}{year % 100:D2}{Math.Abs(random % 1_000_000):D6}");
        var born = new DateOnly(year, 6, 1);

        return CccdValidator.Validate(Id(own), born, sex).IsValid
            && CccdValidator.Validate(Id(otherSex), born, sex).Errors.Select(e => e.Code).SequenceEqual([CccdErrorCodes.SexMismatch])
            && CccdValidator.Validate(Id(female ? otherCentury.Female : otherCentury.Male), born, sex).Errors.Select(e => e.Code).SequenceEqual([CccdErrorCodes.CenturyMismatch]);
    }

    [Theory]
    [InlineData("002078990001", 1978, Sex.Male)]
    [InlineData("002181990002", 1981, Sex.Female)]
    [InlineData("002313990004", 2013, Sex.Female)]
    [InlineData("015485990001", 2185, Sex.Male)]
    public void TryParse_Number_SplitsCenturySexAndYear(string id, int year, Sex sex)
    {
        Assert.True(CccdNumber.TryParse(id, out var number));

        Assert.Equal(year, number!.BirthYear);
        Assert.Equal(sex, number.Sex);
        Assert.Equal(id[..3], number.ProvinceCode);
    }
}
