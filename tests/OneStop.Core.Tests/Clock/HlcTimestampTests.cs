using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Property(Arbitrary = [typeof(RealisticReadings)], MaxTest = 500)]
    public bool ToString_AnyTwoTimestamps_SortsLikeCompareTo(HlcTimestamp first, HlcTimestamp second) =>
        Math.Sign(string.CompareOrdinal(first.ToString(), second.ToString())) == Math.Sign(first.CompareTo(second));

    /// <summary>
    /// Realistic readings: epoch milliseconds within a day of December 2024, often a few ms apart so counters and
    /// nodes decide, counters mostly non-zero.
    /// </summary>
    public static class RealisticReadings
    {
        private const long Base = 1_733_011_200_000;

        public static Arbitrary<HlcTimestamp> Timestamp() =>
            (from offset in Gen.Frequency((3, Gen.Choose(-86_400_000, 86_400_000)), (2, Gen.Choose(-2, 2)))
             from counter in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, HlcTimestamp.MaxCounter)), (1, Gen.Choose(1, 9)))
             from node in Gen.Elements("a", "b", "node-7", "")
             select new HlcTimestamp(Base + offset, counter, node)).ToArbitrary();
    }
}
