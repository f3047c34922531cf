using OneStop.Core.Payments;

namespace OneStop.Core.Tests.Payments;

public class EmvTlvTests
{
    [Fact]
    public void Encode_Value_TwoDigitLengthPrefix()
    {
        Assert.Equal("5303704", EmvTlv.Encode("53", "704"));
        Assert.Equal("0010A000000727", EmvTlv.Encode("00", "A000000727"));
    }

    [Fact]
    public void Encode_ValueOver99Characters_Throws()
    {
        Assert.Throws<ArgumentException>(() => EmvTlv.Encode("62", new string('x', 100)));
    }

    [Fact]
    public void Encode_NonNumericTag_Throws()
    {
        Assert.Throws<ArgumentException>(() => EmvTlv.Encode("A1", "x"));
    }

    [Fact]
    public void TryDecode_Nested_ReadsFieldsInOrder()
    {
        Assert.True(EmvTlv.TryDecode("00069704160109257678859", out var fields));

        Assert.Equal([new TlvField("00", "970416"), new TlvField("01", "257678859")], fields);
    }
}
