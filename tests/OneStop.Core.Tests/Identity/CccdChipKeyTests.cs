using OneStop.Core.Identity;

namespace OneStop.Core.Tests.Identity;

public sealed class CccdChipKeyTests
{
    [Theory]
    // Issued at 31: valid until 40.
    [InlineData("1990-05-17", "2021-05-17", "2030-05-17")]
    // Issued at 22 years 11 months, more than two years before 25: valid until 25.
    [InlineData("2000-06-01", "2023-05-31", "2025-06-01")]
    // Issued on the day two years before 25: within the two years, so valid until 40.
    [InlineData("2000-06-01", "2023-06-01", "2040-06-01")]
    // Issued at 58 and a half: within two years of 60, so it never expires.
    [InlineData("1960-01-01", "2018-07-01", null)]
    public void ExpiryFor_RenewalAges_AsTheLawSays(string birth, string issued, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CccdChipKey.ExpiryFor(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FromQr_TwelveDigitNumber_DocumentNumberIsTheLastNine()
    {
        var card = new CccdQrData("001090012345", null, "Nguyễn Văn Mẫu", new DateOnly(1990, 5, 17), Sex.Male, "Hà Nội", new DateOnly(2021, 5, 17));

        Assert.Equal(new CccdChipKey("090012345", new DateOnly(1990, 5, 17), new DateOnly(2030, 5, 17)), CccdChipKey.FromQr(card));
    }

    [Fact]
    public void FromQr_CardThatNeverExpires_NullSoTheClerkTypesTheDates()
    {
        var card = new CccdQrData("001060012345", null, "Nguyễn Văn Già", new DateOnly(1960, 1, 1), Sex.Male, "Hà Nội", new DateOnly(2021, 1, 1));

        Assert.Null(CccdChipKey.FromQr(card));
    }
}
