using FsCheck;
using FsCheck.Fluent;
using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Clock;

public sealed class HlcTimestampTests
{
    [Theory]
    [InlineData(1_700_000_000_123L, 0, "node-1")]
    [InlineData(0L, 0, "")]
    [InlineData(42L, 999_999, "hub-a-b")]
    public void Parse_TextFromToString_RoundTrips(long wall, int counter, string node)
    {
        var timestamp = new HlcTimestamp(wall, counter, node);

        Assert.Equal(timestamp, HlcTimestamp.Parse(timestamp.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-000001-a")]
    [InlineData("000000000000001--a")]
    [InlineData("+00000000000001-000001-a")]
    [InlineData("000000000000001-x00001-a")]
    public void TryParse_NotATimestamp_ReturnsFalse(string? text)
    {
        Assert.False(HlcTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Parse_NotATimestamp_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => HlcTimestamp.Parse("nope"));
    }

    [Fact]
    public void ToString_AnyTwoTimestamps_SortsLikeCompareTo()
    {
        // Realistic readings: epoch milliseconds within a day of December 2024, often a few ms apart so
        // counters and nodes decide, counters mostly non-zero.
        const long Base = 1_733_011_200_000;
        var timestamps =
            from offset in Gen.Frequency((3, Gen.Choose(-86_400_000, 86_400_000)), (2, Gen.Choose(-2, 2)))
            from counter in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, HlcTimestamp.MaxCounter)), (1, Gen.Choose(1, 9)))
            from node in Gen.Elements("a", "b", "node-7", "")
            select new HlcTimestamp(Base + offset, counter, node);
        var pairs = Gen.Zip(timestamps, timestamps).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(pairs, pair =>
            Math.Sign(string.CompareOrdinal(pair.Item1.ToString(), pair.Item2.ToString())) == Math.Sign(pair.Item1.CompareTo(pair.Item2))));
    }
}
