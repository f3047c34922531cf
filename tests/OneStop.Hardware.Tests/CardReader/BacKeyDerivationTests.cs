using OneStop.Hardware.CardReader;

namespace OneStop.Hardware.Tests.CardReader;

/// <summary>ICAO Doc 9303 part 11 appendix D.2 worked example (document L898902C, see shared/notes/hardware.md §1.1).</summary>
public class BacKeyDerivationTests
{
    private static readonly BacKey Specimen = new("L898902C<", "690806", "940623");

    [Fact]
    public void MrzInformation_Specimen_MatchesIcaoExample()
    {
        Assert.Equal("L898902C<369080619406236", BacKeyDerivation.MrzInformation(Specimen));
    }

    [Fact]
    public void MrzInformation_ShortDocumentNumber_PadsWithFiller()
    {
        Assert.Equal("L898902C<369080619406236", BacKeyDerivation.MrzInformation(Specimen with { DocumentNumber = "L898902C" }));
    }

    [Fact]
    public void KeySeed_Specimen_MatchesIcaoExample()
    {
        Assert.Equal(Convert.FromHexString("239AB9CB282DAF66231DC5A4DF6BFBAE"), BacKeyDerivation.KeySeed(Specimen));
    }

    [Fact]
    public void DeriveKey_Specimen_EncAndMacMatchIcaoExample()
    {
        var seed = BacKeyDerivation.KeySeed(Specimen);

        Assert.Equal(Convert.FromHexString("AB94FDECF2674FDFB9B391F85D7F76F2"), BacKeyDerivation.DeriveKey(seed, 1));
        Assert.Equal(Convert.FromHexString("7962D9ECE03D1ACD4C76089DCE131543"), BacKeyDerivation.DeriveKey(seed, 2));
    }

    [Theory]
    [InlineData("L898902C<", 3)]
    [InlineData("690806", 1)]
    [InlineData("940623", 6)]
    public void CheckDigit_MrzFields_MatchSpecimen(string field, int expected)
    {
        Assert.Equal(expected, BacKeyDerivation.CheckDigit(field));
    }
}
