using OneStop.Core.Dossiers;

namespace OneStop.Core.Tests.Dossiers;

public sealed class PublicCodeTests
{
    [Fact]
    public void New_HundredThousandCodes_AllDistinctAndTwelveCrockfordSymbols()
    {
        var codes = Enumerable.Range(0, 100_000).Select(_ => PublicCode.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code =>
        {
            Assert.Equal(12, code.Length);
            Assert.All(code, c => Assert.Contains(c, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"));
        });
    }

    [Fact]
    public void New_ManyCodes_EverySymbolAtEveryPositionDrawn()
    {
        // A generator that left positions fixed (a timestamp's high digits) would show few symbols at those positions.
        var codes = Enumerable.Range(0, 5_000).Select(_ => PublicCode.New()).ToList();

        for (var position = 0; position < PublicCode.Length; position++)
        {
            Assert.Equal(32, codes.Select(c => c[position]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("7kq2-m9xd-4trb", "7KQ2M9XD4TRB")]
    [InlineData("7KQ2 M9XD 4TRB", "7KQ2M9XD4TRB")]
    [InlineData(" 7kq2m9xd4trb", "7KQ2M9XD4TRB")]
    [InlineData("i0o1-L9XD-4TRB", "100119XD4TRB")]
    public void TryNormalise_TypedLoosely_ReadsAsTheStoredCode(string typed, string expected)
    {
        Assert.True(PublicCode.TryNormalise(typed, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7KQ2-M9XD-4TR")]
    [InlineData("7KQ2-M9XD-4TRBX")]
    [InlineData("7KQ2-M9XD-4TRU")]
    [InlineData("7KQ2-M9XD-4TR!")]
    [InlineData("0195f0a1-7c3e-7000-8000-000000000000")]
    public void TryNormalise_NotACode_Refused(string typed)
    {
        Assert.False(PublicCode.TryNormalise(typed, out _));
    }

    [Fact]
    public void Grouped_StoredCode_FourByFourWithDashes()
    {
        Assert.Equal("7KQ2-M9XD-4TRB", PublicCode.Grouped("7KQ2M9XD4TRB"));
    }

    [Fact]
    public async Task NewUniqueAsync_FirstDrawsTaken_ReturnsTheFirstFreeOne()
    {
        var draws = new Queue<string>(["AAAAAAAAAAAA", "BBBBBBBBBBBB", "CCCCCCCCCCCC"]);
        var held = new HashSet<string>(["AAAAAAAAAAAA", "BBBBBBBBBBBB"], StringComparer.Ordinal);

        var code = await PublicCode.NewUniqueAsync((c, _) => Task.FromResult(held.Contains(c)), draws.Dequeue, TestContext.Current.CancellationToken);

        Assert.Equal("CCCCCCCCCCCC", code);
        Assert.Empty(draws);
    }

    [Fact]
    public async Task NewUniqueAsync_EveryDrawTaken_ThrowsAfterTheLimit()
    {
        var drawn = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PublicCode.NewUniqueAsync((_, _) => Task.FromResult(true), () => { drawn++; return "AAAAAAAAAAAA"; }, TestContext.Current.CancellationToken));
        Assert.Equal(PublicCode.MaxAttempts, drawn);
    }
}
