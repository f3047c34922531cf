using OneStop.Protocol.Transport;

namespace OneStop.Protocol.Tests.Framing;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3_000)]
    [InlineData("250m", 250)]
    [InlineData("5000u", 5)]
    [InlineData("7000000n", 7)]
    [InlineData("99999999m", 99_999_999)]
    public void TryParse_EachUnit(string header, long expectedMs)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5m")]
    [InlineData("123456789m")]
    [InlineData(" 5m")]
    public void TryParse_Malformed_False(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(250, "250m")]
    [InlineData(0.2, "1m")]
    [InlineData(0, "0m")]
    public void Format_Milliseconds_RoundsUp(double ms, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(ms)));

    [Fact]
    public void Format_Long_UsesCoarserUnitWithinEightDigits()
    {
        var header = GrpcTimeout.Format(TimeSpan.FromDays(3));
        Assert.Equal("259200S", header);
        Assert.True(GrpcTimeout.TryParse(header, out var back));
        Assert.Equal(TimeSpan.FromDays(3), back);
    }
}
