using System.Text;
using FsCheck;
using FsCheck.Xunit;
using OneStop.Core.Payments;

namespace OneStop.Core.Tests.Payments;

public class Crc16CcittFalseTests
{
    [Fact]
    public void Compute_StandardCheckString_Is29B1()
    {
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute("123456789"));
    }

    [Fact]
    public void Compute_Empty_IsInitialValue()
    {
        Assert.Equal(0xFFFF, Crc16CcittFalse.Compute(ReadOnlySpan<byte>.Empty));
    }

    [Property]
    public bool Compute_AppendedBigEndianCrc_GivesZeroRemainder(byte[] data)
    {
        // A non-reflected CRC with no final XOR leaves remainder 0 over data followed by its own CRC.
        var crc = Crc16CcittFalse.Compute(data);
        var withCrc = data.Concat(new[] { (byte)(crc >> 8), (byte)crc }).ToArray();
        return Crc16CcittFalse.Compute(withCrc) == 0;
    }

    [Fact]
    public void ToHex_Value_FourUpperCaseDigits()
    {
        Assert.Equal("0A0F", Crc16CcittFalse.ToHex(0x0A0F));
        Assert.Equal(Encoding.ASCII.GetBytes("29B1"), Encoding.ASCII.GetBytes(Crc16CcittFalse.ToHex(0x29B1)));
    }
}
