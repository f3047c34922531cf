using System.Text;
using OneStop.Hardware.Tests.Support;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Tests.Text;

public class Tcvn3Tests
{
    [Fact]
    public void TryEncode_NguyenDuc_MatchesVn3Bytes()
    {
        Assert.True(Tcvn3.TryEncode("Nguyễn Đức", out var bytes));

        // ễ = D4, Đ = A7, ứ = F8 (TCVN 5712:1993 VN3).
        Assert.Equal(new byte[] { 0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0xA7, 0xF8, 0x63 }, bytes);
    }

    [Fact]
    public void TryEncode_DecomposedInput_SameBytes()
    {
        Assert.True(Tcvn3.TryEncode("Nguyễn Đức".Normalize(NormalizationForm.FormD), out var bytes));

        Assert.Equal(new byte[] { 0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0xA7, 0xF8, 0x63 }, bytes);
    }

    [Fact]
    public void RoundTrip_EveryLetterVn3Has_OneDistinctByteAndBack()
    {
        var covered = VietnameseLetters.All().Where(letter => Tcvn3.Contains(letter[0])).ToList();
        var codes = new HashSet<byte>();

        foreach (var letter in covered)
        {
            Assert.True(Tcvn3.TryEncode(letter, out var bytes), letter);
            Assert.Single(bytes);
            Assert.InRange(bytes[0], 0xA1, 0xFE);
            Assert.True(codes.Add(bytes[0]), $"{letter} shares 0x{bytes[0]:X2}");
            Assert.Equal(letter, Tcvn3.Decode(bytes));
        }

        // 67 lowercase (all but the six plain ASCII vowels' bases, plus đ) and Ă Â Ê Ô Ơ Ư Đ.
        Assert.Equal(67, covered.Count(letter => char.IsLower(letter[0])));
        Assert.Equal("ĂÂÊÔƠƯĐ", string.Concat(covered.Where(letter => char.IsUpper(letter[0])).Order(StringComparer.Ordinal).OrderBy(Tcvn3Byte)));
        Assert.Equal(75, Tcvn3.Characters.Count);
    }

    [Fact]
    public void TryEncode_TonedCapitals_AreNotInVn3()
    {
        var missing = VietnameseLetters.All().Where(letter => !Tcvn3.Contains(letter[0])).ToList();

        Assert.Equal(60, missing.Count);
        Assert.All(missing, letter => Assert.True(char.IsUpper(letter[0]), letter));
        Assert.All(missing, letter => Assert.False(Tcvn3.TryEncode("Nguyễn Thị " + letter, out _), letter));
    }

    [Fact]
    public void TryEncode_ControlOrForeignCharacters_Refused()
    {
        Assert.False(Tcvn3.TryEncode("a\tb", out _));
        Assert.False(Tcvn3.TryEncode("Đặng 鄧", out _));
    }

    [Fact]
    public void Decode_UnassignedByte_IsReplacementCharacter()
    {
        Assert.Equal("\uFFFD", Tcvn3.Decode([0xBA]));
    }

    private static byte Tcvn3Byte(string letter) => Tcvn3.TryEncode(letter, out var bytes) ? bytes[0] : (byte)0;
}
